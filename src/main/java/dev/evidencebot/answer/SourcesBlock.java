package dev.evidencebot.answer;

import dev.evidencebot.corpus.Reference;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.evidence.StudyType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The numbered sources under an answer, written by the system from the citations that survived:
 * what each reference is, how strong it is, and any warning a reader must see. When the sources
 * come from several articles, each line also names the article that cites it: a reader must be
 * able to tell which article says what.
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
            markersByReference.computeIfAbsent(source.key(), k -> new ArrayList<>()).add(i + 1);
            firstByReference.putIfAbsent(source.key(), source);
        }
        boolean severalArticles = cited.stream().map(source -> source.article().id()).distinct().count() > 1;
        StringBuilder block = new StringBuilder(GroundedSentences.PARAGRAPH).append(AnswerTexts.SOURCES_HEADING);
        markersByReference.forEach((key, markers) ->
                block.append('\n').append(line(markers, firstByReference.get(key), severalArticles)));
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

    private static String line(List<Integer> markers, Source source, boolean severalArticles) {
        Grading grading = source.grading();
        Reference reference = source.reference();
        if (reference == null) {
            return markers(markers) + " " + ArticleTitles.of(source.article())
                    + " — the article states this without a citation (uncited).";
        }
        StringBuilder line = new StringBuilder(markers(markers)).append(' ');
        line.append(reference.title() != null ? reference.title() : reference.text());
        if (reference.year() != null) {
            line.append(" (").append(reference.year()).append(')');
        }
        if (source.primary() && grading.studyType() == StudyType.NONE) {
            line.append(" — the study itself; its design is not graded yet");
        } else {
            line.append(" — ").append(grading.studyType().words());
            if (grading.population() != null) {
                line.append(", ").append(grading.population());
            }
            line.append(": ").append(grading.level().words());
        }
        String url = reference.url();
        if (url != null) {
            line.append(". ").append(url);
        }
        // A primary source is its own article; any other reference is named with the article citing it.
        if (severalArticles && !source.primary()) {
            line.append(" (cited in “").append(ArticleTitles.of(source.article())).append("”)");
        }
        return line.toString();
    }
}
