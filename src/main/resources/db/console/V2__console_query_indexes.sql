-- Indexes for the admin console's queries (issue 11, part 2). Plain SQL for H2 and PostgreSQL.

-- the question log page filters by answered/abstained and by door, newest first: each filter alone
-- and both together find their rows, already in time order, in one index
CREATE INDEX answers_abstained_door_asked_at ON answers (abstained, door, asked_at);
CREATE INDEX answers_door_asked_at ON answers (door, asked_at);
-- weak-evidence gaps pick answers by level
CREATE INDEX answers_evidence_level ON answers (evidence_level, asked_at);
-- the feedback listing and the overview's thumbs count by time
CREATE INDEX feedback_given_at ON feedback (given_at);
