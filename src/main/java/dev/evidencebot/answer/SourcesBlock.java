package dev.evidencebot.answer;

import dev.evidencebot.corpus.Reference;
import dev.evidencebot.evidence.Grading;

import java.util.List;
import java.util.function.Consumer;

/**
 * The numbered sources under an answer, written by the system from the citations that survived:
 * what each reference is, how strong it is, and any warning a reader must see.
 */
final class SourcesBlock {

    private SourcesBlock() {
    }

    static void write(List<Source> cited, Consumer<String> out) {
        StringBuilder block = new StringBuilder(GroundedSentences.PARAGRAPH).append(AnswerTexts.SOURCES_HEADING);
        for (int i = 0; i < cited.size(); i++) {
            block.append('\n').append(line(i + 1, cited.get(i)));
        }
        for (int i = 0; i < cited.size(); i++) {
            for (String warning : cited.get(i).grading().warnings()) {
                block.append("\nCaution on [").append(i + 1).append("]: ").append(warning);
            }
        }
        out.accept(block.toString());
    }

    private static String line(int marker, Source source) {
        Grading grading = source.grading();
        Reference reference = source.reference();
        if (reference == null) {
            return "[" + marker + "] " + source.retrieved().article().article().title()
                    + " — the article states this without a citation (uncited).";
        }
        StringBuilder line = new StringBuilder("[").append(marker).append("] ");
        line.append(reference.title() != null ? reference.title() : reference.text());
        if (reference.year() != null) {
            line.append(" (").append(reference.year()).append(')');
        }
        line.append(" — ").append(grading.studyType().words());
        if (grading.population() != null) {
            line.append(", ").append(grading.population());
        }
        line.append(": ").append(grading.level().words());
        String url = reference.url();
        if (url != null) {
            line.append(". ").append(url);
        }
        return line.toString();
    }
}
