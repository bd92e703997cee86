package dev.evidencebot.answer;

import dev.evidencebot.corpus.Reference;
import dev.evidencebot.evidence.Grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The numbered sources under an answer, written by the system from the citations that survived:
 * what each reference is, how strong it is, and any warning a reader must see.
 */
final class SourcesBlock {

    private SourcesBlock() {
    }

    static void write(List<Source> cited, Consumer<String> out) {
        // Markers that point at the same reference share one line: a reader sees each source once.
        Map<String, List<Integer>> markersByReference = new LinkedHashMap<>();
        Map<String, Source> firstByReference = new LinkedHashMap<>();
        for (int i = 0; i < cited.size(); i++) {
            Source source = cited.get(i);
            String key = source.reference() == null
                    ? source.retrieved().passage().id()
                    : source.retrieved().article().article().id() + "#" + source.reference().number();
            markersByReference.computeIfAbsent(key, k -> new ArrayList<>()).add(i + 1);
            firstByReference.putIfAbsent(key, source);
        }
        StringBuilder block = new StringBuilder(GroundedSentences.PARAGRAPH).append(AnswerTexts.SOURCES_HEADING);
        markersByReference.forEach((key, markers) -> block.append('\n').append(line(markers, firstByReference.get(key))));
        markersByReference.forEach((key, markers) -> {
            for (String warning : firstByReference.get(key).grading().warnings()) {
                block.append("\nCaution on ").append(markers(markers)).append(": ").append(warning);
            }
        });
        out.accept(block.toString());
    }

    private static String markers(List<Integer> markers) {
        StringBuilder text = new StringBuilder();
        markers.forEach(marker -> text.append('[').append(marker).append(']'));
        return text.toString();
    }

    private static String line(List<Integer> markers, Source source) {
        Grading grading = source.grading();
        Reference reference = source.reference();
        if (reference == null) {
            return markers(markers) + " " + source.retrieved().article().article().title()
                    + " — the article states this without a citation (uncited).";
        }
        StringBuilder line = new StringBuilder(markers(markers)).append(' ');
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
