package dev.evidencebot.answer;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.corpus.Reference;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.retrieval.RetrievedPassage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the passages that answer into numbered sources: one per (passage, reference) pair, a
 * passage with no marker is one source with no reference, and a finding of a primary source is one
 * source citing the document itself. Only citable sentences (claims, findings) become sources.
 */
final class SourceNumbering {

    /** How many findings stand in for an aim or method sentence that matched the question. */
    static final int MAX_FINDINGS = 2;

    private SourceNumbering() {
    }

    /**
     * @param relevant what the relevance gate kept, best first
     * @param ranked   everything retrieval found, best first: where stand-in findings are looked for first
     */
    static List<Source> number(List<RetrievedPassage> relevant, List<RetrievedPassage> ranked) {
        List<Source> sources = new ArrayList<>();
        for (RetrievedPassage retrieved : citable(relevant, ranked)) {
            Passage passage = retrieved.passage();
            if (InstructionScreen.addressesAnAssistant(passage.text())) {
                continue; // an instruction planted in an article is no finding, whoever would read it
            }
            GradedArticle article = retrieved.article();
            if (article.article().primarySource()) {
                // The document is the study: markers in an abstract's text point at no list of its own.
                sources.add(new Source(sources.size() + 1, retrieved, PrimarySources.reference(article.article()),
                        PrimarySources.grading(article)));
                continue;
            }
            if (!passage.cited()) {
                sources.add(new Source(sources.size() + 1, retrieved, null, Grading.uncited()));
                continue;
            }
            for (int number : passage.markers()) {
                Reference reference = article.article().reference(number);
                if (reference != null) {
                    sources.add(new Source(sources.size() + 1, retrieved, reference, article.citation(passage, number)));
                }
            }
        }
        return sources;
    }

    /**
     * The relevant passages with every sentence that states no finding (an abstract's aim matched
     * the question's words) replaced by what that same document found: its best-ranked finding
     * candidates, else its last findings (conclusions come last).
     */
    static List<RetrievedPassage> citable(List<RetrievedPassage> relevant, List<RetrievedPassage> ranked) {
        Map<String, RetrievedPassage> citable = new LinkedHashMap<>();
        for (RetrievedPassage retrieved : relevant) {
            if (retrieved.passage().citable()) {
                citable.putIfAbsent(retrieved.passage().id(), retrieved);
            } else {
                findings(retrieved, ranked).forEach(finding -> citable.putIfAbsent(finding.passage().id(), finding));
            }
        }
        return List.copyOf(citable.values());
    }

    private static List<RetrievedPassage> findings(RetrievedPassage context, List<RetrievedPassage> ranked) {
        String articleId = context.passage().articleId();
        List<RetrievedPassage> retrieved = ranked.stream()
                .filter(candidate -> candidate.passage().articleId().equals(articleId))
                .filter(candidate -> candidate.passage().role() == Passage.Role.FINDING)
                .limit(MAX_FINDINGS)
                .toList();
        if (!retrieved.isEmpty()) {
            return retrieved;
        }
        List<Passage> findings = context.article().article().passages().stream()
                .filter(passage -> passage.role() == Passage.Role.FINDING)
                .toList();
        return findings.subList(Math.max(0, findings.size() - MAX_FINDINGS), findings.size()).stream()
                .map(finding -> retrieved(context.article(), finding, context.similarity()))
                .toList();
    }

    /**
     * A passage the system chose rather than retrieval found: no ranks, the similarity of the
     * passage it answers for, and its neighbours in the same paragraph as context.
     */
    static RetrievedPassage retrieved(GradedArticle graded, Passage passage, double similarity) {
        Article article = graded.article();
        List<Passage> context = article.passages().stream()
                .filter(neighbour -> neighbour.paragraph() == passage.paragraph())
                .filter(neighbour -> Math.abs(neighbour.ordinal() - passage.ordinal()) == 1)
                .toList();
        return new RetrievedPassage(passage, graded, 0, 0, 0, 0, similarity, context);
    }
}
