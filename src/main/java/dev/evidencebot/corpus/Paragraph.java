package dev.evidencebot.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * A paragraph joined from one or more source lines, remembering where each line starts so a
 * sentence anywhere in it can be traced back to its 1-based file line.
 */
record Paragraph(String text, List<Integer> offsets, List<Integer> lines) {

    Paragraph {
        offsets = List.copyOf(offsets);
        lines = List.copyOf(lines);
    }

    static Paragraph of(String text, int line) {
        return new Paragraph(text, List.of(0), List.of(line));
    }

    /** The file line holding the character at this offset of {@link #text()}. */
    int lineAt(int offset) {
        int line = lines.get(0);
        for (int i = 0; i < offsets.size() && offsets.get(i) <= offset; i++) {
            line = lines.get(i);
        }
        return line;
    }

    /** Joins lines with single spaces, as a browser would render a wrapped paragraph. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Integer> offsets = new ArrayList<>();
        private final List<Integer> lines = new ArrayList<>();

        Builder add(String lineText, int line) {
            if (lineText.isEmpty()) {
                return this;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            offsets.add(text.length());
            lines.add(line);
            text.append(lineText);
            return this;
        }

        boolean isEmpty() {
            return text.length() == 0;
        }

        Paragraph build() {
            return new Paragraph(text.toString(), offsets, lines);
        }
    }
}
