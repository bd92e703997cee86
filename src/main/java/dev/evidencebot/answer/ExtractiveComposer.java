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
 *
 * <p>When the sources come from several articles, the sentences are grouped by article, one
 * paragraph each, opening with "According to “title”:": two articles may disagree, and a reader
 * must see which one says what. With one article the answer is the quotes alone.
 */
public final class ExtractiveComposer implements Composer {

    public static final String NAME = "extractive";

    @Override
    public Composed compose(Composition composition, Consumer<String> sentences) {
        if (composition.sources().isEmpty()) {
            sentences.accept(AnswerTexts.NOT_COVERED);
        }
        // One sentence per passage; a passage citing two references gets both markers.
        // Articles keep the order of their best source, passages their order within it.
        Map<String, Map<String, List<Source>>> byArticle = new LinkedHashMap<>();
        for (Source source : composition.sources()) {
            byArticle.computeIfAbsent(source.article().id(), id -> new LinkedHashMap<>())
                    .computeIfAbsent(source.retrieved().passage().id(), id -> new ArrayList<>()).add(source);
        }
        boolean attribute = byArticle.size() > 1;
        for (Map<String, List<Source>> byPassage : byArticle.values()) {
            boolean first = true;
            if (attribute) {
                sentences.accept(GroundedSentences.PARAGRAPH);
            }
            for (List<Source> sources : byPassage.values()) {
                StringBuilder sentence = new StringBuilder();
                if (attribute && first) {
                    sentence.append("According to “").append(ArticleTitles.of(sources.get(0).article())).append("”: ");
                }
                sentence.append(sources.get(0).passageText()).append(' ');
                for (Source source : sources) {
                    sentence.append('[').append(source.number()).append(']');
                }
                sentences.accept(sentence.toString());
                first = false;
            }
        }
        if (composition.adviceRequested()) {
            sentences.accept(GroundedSentences.PARAGRAPH);
            sentences.accept(AnswerTexts.NO_ADVICE);
        }
        return new Composed(NAME, null);
    }
}
