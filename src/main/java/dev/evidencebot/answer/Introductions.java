package dev.evidencebot.answer;

/** The widget's greeting and examples, derived from the corpus in service. */
public interface Introductions {

    /** Never blocks on a corpus still loading: {@link Introduction#GENERIC} until one is in service. */
    Introduction introduce();
}
