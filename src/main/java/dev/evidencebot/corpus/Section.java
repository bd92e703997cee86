package dev.evidencebot.corpus;

import java.util.List;

/** A heading and the paragraphs under it; the paragraphs are kept whole, captions and chrome removed. */
public record Section(String heading, List<String> paragraphs) implements java.io.Serializable {

    public Section {
        paragraphs = List.copyOf(paragraphs);
    }
}
