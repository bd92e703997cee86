package dev.evidencebot.answer;

import dev.evidencebot.corpus.Reference;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.GradedCorpus;
import dev.evidencebot.retrieval.RetrievedPassage;
import dev.evidencebot.retrieval.Retriever;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The pipeline every door calls: transform the question into a standalone query -> retrieve ->
 * keep what is relevant enough (or abstain) -> number the sources -> compose -> check every
 * sentence's markers -> write the sources and the evidence level -> remember the turn.
 * The composer writes prose; which sources exist and how strong they are is decided here.
 *
 * <p>When a composer other than the extractive one (a language model) leaves no grounded sentence
 * (it abstained, or everything it wrote failed the checks) while the relevance gate judged the
 * sources relevant, the extractive composer answers from the same sources. The gate's judgement
 * is the better signal for recall, and quoting the articles cannot state anything they do not.
 *
 * <p>A question about the evidence itself ("Was that in humans?", {@link EvidenceQuestions}) is
 * answered from the gradings of the sources on its topic ({@link EvidenceTopics}) by the system
 * ({@link GradingsComposer}), not by quoting: its first word is the verdict.
 */
public final class DefaultAnswerService implements AnswerService {

    /** How many candidates retrieval hands to the relevance gate. */
    static final int CANDIDATES = 20;

    private final Retriever retriever;
    private final Composer composer;
    private final Composer fallback = new ExtractiveComposer();
    private final QueryTransformer queries;
    private final RelevanceGate gate;
    private final ConversationMemory memory;
    private final ConversationIds ids;
    private final EvidenceSummarizer summarizer = new EvidenceSummarizer();
    private final GradingsComposer gradings = new GradingsComposer();
    private final EvidenceTopics topics;
    private final GradedCorpus corpus;
    /** A corpus of one article is described the same way for every question, so once. */
    private final boolean single;
    private final String corpusCoverage;

    DefaultAnswerService(Retriever retriever, GradedCorpus corpus, Composer composer, QueryTransformer queries,
                         AnswerSettings settings) {
        this(retriever, corpus, composer, queries, settings,
                new LocalConversationMemory(settings.maxTurns(), settings.maxConversations(), settings.conversationTtl()),
                ConversationIds.ephemeral());
    }

    /** @param memory the conversations so far: it outlives a corpus reload, so a follow-up keeps its thread */
    DefaultAnswerService(Retriever retriever, GradedCorpus corpus, Composer composer, QueryTransformer queries,
                         AnswerSettings settings, ConversationMemory memory, ConversationIds ids) {
        this.ids = ids;
        this.retriever = retriever;
        this.composer = composer;
        this.queries = queries;
        this.gate = new RelevanceGate(corpus, settings.relevance(), settings.relevanceModels());
        this.memory = memory;
        this.corpus = corpus;
        this.topics = new EvidenceTopics(retriever, gate, queries, corpus);
        this.single = corpus.articles().size() <= 1;
        this.corpusCoverage = Coverage.describe(corpus);
    }

    @Override
    public Answer answer(Question question) {
        return answer(question, delta -> { }, false);
    }

    @Override
    public Answer answer(Question question, Consumer<String> deltas) {
        return answer(question, deltas, true);
    }

    private Answer answer(Question question, Consumer<String> deltas, boolean streamed) {
        String text = validate(question);
        String conversationId = question.conversationId() == null ? ids.issue() : question.conversationId();
        List<Turn> history = memory.recent(conversationId);

        Optional<EvidenceQuestions.EvidenceQuestion> evidenceQuestion = EvidenceQuestions.read(text);
        Retrieval retrieval = evidenceQuestion.isPresent()
                ? topics.find(text, evidenceQuestion.get(), history, CANDIDATES)
                : retrieve(text, history);
        boolean advice = AdviceRequests.asksForAdvice(text);
        List<Source> sources = SourceNumbering.number(retrieval.relevant(), retrieval.ranked());
        String coverage = single ? corpusCoverage : Coverage.describe(corpus, retrieval.ranked());

        GroundedSentences grounded = new GroundedSentences(sources, AnswerTexts.withoutFindings(), deltas);
        Composition composition = new Composition(text, sources, history, advice, coverage, streamed);
        Composed composed;
        if (evidenceQuestion.isPresent() && !sources.isEmpty()) {
            // What the evidence is, is the grader's to say: no composer rephrases it.
            composed = gradings.compose(evidenceQuestion.get().kind(), retrieval.topic(), sources, grounded);
        } else {
            composed = composer.compose(composition, grounded);
            if (!grounded.grounded() && !sources.isEmpty() && !ExtractiveComposer.NAME.equals(composed.composer())) {
                String reason = composed.fallbackReason() != null ? composed.fallbackReason()
                        : Answer.MODEL_UNSUPPORTED;
                composed = new Composed(fallback.compose(composition, grounded).composer(), reason);
            }
        }
        boolean abstained = !grounded.grounded();
        if (abstained && !saysNotCovered(grounded.text())) {
            grounded.accept(AnswerTexts.NOT_COVERED);
        }
        // the answer is screened too: a sentence that reads as dosing or advice gets the same caveat
        if ((advice || AdviceRequests.asksForAdvice(grounded.text())) && !grounded.text().contains(AnswerTexts.NO_ADVICE)) {
            grounded.accept(AnswerTexts.NO_ADVICE);
        }
        List<Source> cited = grounded.cited();
        EvidenceSummary evidence = summarizer.summarize(cited);

        StringBuilder answer = new StringBuilder(grounded.text());
        Consumer<String> tail = piece -> {
            answer.append(piece);
            deltas.accept(piece);
        };
        if (abstained) {
            tail.accept(GroundedSentences.PARAGRAPH + coverage);
        } else {
            SourcesBlock.write(cited, tail);
        }
        tail.accept("\n" + EvidenceSummarizer.line(evidence));

        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < cited.size(); i++) {
            citations.add(citation(i + 1, cited.get(i)));
        }
        memory.remember(conversationId, new Turn(text, retrieval.query(), answer.toString(),
                cited.stream().map(source -> source.retrieved().passage().id()).distinct().toList()));
        return new Answer(UUID.randomUUID().toString(), conversationId, answer.toString(), abstained, evidence,
                citations, composed.composer(), composed.fallbackReason());
    }

    /**
     * Whether this question, asked on its own, would be answered rather than abstained on: the gate
     * finds passages relevant to it. No composer runs (no model is called) and nothing is remembered.
     */
    boolean answers(String question) {
        return !retrieve(question.strip(), List.of()).relevant().isEmpty();
    }

    /** A question about a finding: the standalone query, retrieved, then judged by the gate. */
    private Retrieval retrieve(String text, List<Turn> history) {
        String query = queries.transform(text, history);
        List<RetrievedPassage> ranked = retriever.retrieve(query, CANDIDATES);
        List<RetrievedPassage> relevant = gate.select(text, query, ranked);
        if (AdviceRequests.asksForAdvice(text) && gate.namesOnlyTheirSubject(text, relevant)) {
            // "How much Semax should I take?" names nothing but what the articles are about: their
            // findings on other things are no answer to it, and the no-advice sentence is.
            relevant = List.of();
        }
        return new Retrieval(query, text, ranked, relevant);
    }

    private static boolean saysNotCovered(String text) {
        return text.contains(AnswerTexts.NOT_COVERED) || text.contains(AnswerTexts.MODEL_ABSTENTION);
    }

    private static String validate(Question question) {
        if (question == null || question.text() == null || question.text().isBlank()) {
            throw new InvalidQuestionException("question is missing or blank");
        }
        if (question.text().length() > Question.MAX_LENGTH) {
            throw new InvalidQuestionException("question is " + question.text().length()
                    + " characters; the limit is " + Question.MAX_LENGTH);
        }
        if (question.conversationId() != null && !Question.validConversationId(question.conversationId())) {
            throw new InvalidQuestionException("conversationId must be 1-100 letters, digits, '-' or '_'");
        }
        return question.text().strip();
    }

    /** The citation /api/ask carries for the source shown as [marker]. */
    static Citation citation(int marker, Source source) {
        GradedArticle graded = source.retrieved().article();
        Citation.ArticleRef article = new Citation.ArticleRef(graded.article().id(), ArticleTitles.of(graded.article()),
                graded.article().url());
        Reference reference = source.reference();
        Citation.ReferenceRef ref = reference == null ? null : new Citation.ReferenceRef(reference.number(), reference.text(),
                reference.title(), reference.year(), reference.url(), reference.pmid(), reference.doi());
        return new Citation(marker, article, source.passageText(), ref, source.grading());
    }
}
