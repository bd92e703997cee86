package dev.evidencebot.answer;

import java.util.List;

/** Durable storage for feedback: what is saved survives a restart. */
public interface FeedbackStore {

    void save(Feedback feedback);

    /** Everything saved, oldest first. */
    List<Feedback> all();
}
