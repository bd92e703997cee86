package dev.evidencebot.llm;

import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.AnswerTexts;
import dev.evidencebot.answer.Composed;
import dev.evidencebot.answer.Composer;
import dev.evidencebot.answer.Composition;
import dev.evidencebot.answer.ExtractiveComposer;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A language model writes the answer from the numbered sources; the system still decides what a
 * reader sees. The model's text is cut into sentences ({@link SentenceAssembler}) and each goes
 * to {@code sentences}, the system's gate, which drops a sentence whose markers were not given or
 * that its cited passage does not support. The model's own system sentences (the abstention, the
 * no-advice sentence) are not passed on: the system says those itself.
 *
 * <p>What happens when the model does not deliver:
 * <ul>
 * <li>No sources: the model is not called; the extractive composer says the articles do not cover it.</li>
 * <li>A fault before any sentence was handed over (timeout, refusal, HTTP error, malformed or empty
 * reply, open circuit): the extractive composer answers, {@code fallbackReason} says why.</li>
 * <li>The model abstains, or nothing it wrote survives the gate: the answer pipeline lets the
 * extractive composer answer, because the relevance gate already judged these sources relevant
 * and quoting them cannot overstate them (see DefaultAnswerService); the reason says the model abstained.</li>
 * <li>A stream that breaks off after sentences were handed over: those verified sentences stand,
 * nothing is appended (the reader has already seen them, and a quoted tail would repeat them),
 * and {@code fallbackReason} says the answer was cut short. If none of them survived, the
 * pipeline falls back to the extractive answer as above.</li>
 * </ul>
 */
final class LlmComposer implements Composer {

    static final String NAME = "llm";
    static final String ABSTAINED = Answer.MODEL_ABSTAINED;

    private final GuardedModel model;
    private final String systemPrompt;
    private final Composer fallback = new ExtractiveComposer();

    LlmComposer(GuardedModel model, String systemPrompt) {
        this.model = model;
        this.systemPrompt = systemPrompt;
    }

    @Override
    public Composed compose(Composition composition, Consumer<String> sentences) {
        if (composition.sources().isEmpty()) {
            return fallback.compose(composition, sentences);
        }
        ModelSentences written = new ModelSentences(sentences);
        SentenceAssembler assembler = new SentenceAssembler(written);
        try {
            if (composition.streamed()) {
                model.stream(Prompts.answer(systemPrompt, composition), assembler::add);
            } else {
                assembler.add(model.chat(Prompts.answer(systemPrompt, composition)));
            }
            assembler.finish();
        } catch (ModelFailure failure) {
            if (!written.handedOver.get()) {
                return new Composed(fallback.compose(composition, sentences).composer(), failure.reason());
            }
            assembler.finish();
            return new Composed(NAME, failure.reason());
        }
        return new Composed(NAME, written.abstained && !written.handedOver.get() ? ABSTAINED : null);
    }

    /** Passes the model's sentences on, except the system's own, noting an abstention. */
    private static final class ModelSentences implements Consumer<String> {
        private static final Set<String> SYSTEM_SENTENCES = Set.of(
                AnswerTexts.MODEL_ABSTENTION, AnswerTexts.NO_ADVICE, AnswerTexts.NOT_COVERED);

        private final Consumer<String> out;
        private final AtomicBoolean handedOver = new AtomicBoolean();
        private boolean abstained;

        ModelSentences(Consumer<String> out) {
            this.out = out;
        }

        @Override
        public void accept(String sentence) {
            if (SYSTEM_SENTENCES.contains(sentence.strip())) {
                abstained |= sentence.strip().equals(AnswerTexts.MODEL_ABSTENTION);
                return;
            }
            if (!SentenceAssembler.PARAGRAPH.equals(sentence)) {
                handedOver.set(true);
            }
            out.accept(sentence);
        }
    }
}
