-- The embedding of each distinct question the console groups (abstained and weakly answered ones),
-- so the gaps view need not embed them again after a restart or on another replica.
-- question_key: SHA-256 hex of the model's name and the question as grouped (trimmed, lower case);
-- vector: the float32 values, little-endian, in base64 (one portable type for H2 and PostgreSQL).
CREATE TABLE question_vectors (
    question_key VARCHAR(64)    PRIMARY KEY,
    vector       VARCHAR(16384) NOT NULL
);
