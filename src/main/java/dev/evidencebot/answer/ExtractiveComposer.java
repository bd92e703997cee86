package dev.evidencebot.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The default composer: no network, no key. It answers in the articles' own sentences, best
 * source first, each followed by the markers of the references that sentence cites. Quoting
 * rather than paraphrasing is the point: a sentence it writes is exactly a sentence the article
 * states, so nothing the question asserts can slip into the answer.
 */
public final class ExtractiveComposer implements Composer {

    public static final String NAME = "extractive";

    @Override
    public Composed compose(Composition composition, Consumer<String> sentences) {
        if (composition.sources().isEmpty()) {
            sentences.accept(AnswerTexts.NOT_COVERED);
        }
        // One sentence per passage; a passage citing two references gets both markers.
        Map<String, List<Source>> byPassage = new LinkedHashMap<>();
        for (Source source : composition.sources()) {
            byPassage.computeIfAbsent(source.retrieved().passage().id(), id -> new ArrayList<>()).add(source);
        }
        for (List<Source> sources : byPassage.values()) {
            StringBuilder sentence = new StringBuilder(sources.get(0).passageText());
            sentence.append(' ');
            for (Source source : sources) {
                sentence.append('[').append(source.number()).append(']');
            }
            sentences.accept(sentence.toString());
        }
        if (composition.adviceRequested()) {
            sentences.accept(GroundedSentences.PARAGRAPH);
            sentences.accept(AnswerTexts.NO_ADVICE);
        }
        return new Composed(NAME, null);
    }
}
