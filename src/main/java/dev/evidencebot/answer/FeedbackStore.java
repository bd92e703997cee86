package dev.evidencebot.answer;

import java.util.List;

/** Durable storage for feedback: what is saved survives a restart. */
public interface FeedbackStore {

    /** @throws UnknownAnswerException when no answer with {@code feedback.answerId()} is known */
    void save(Feedback feedback);

    /** Everything saved, oldest first. */
    List<Feedback> all();
}
