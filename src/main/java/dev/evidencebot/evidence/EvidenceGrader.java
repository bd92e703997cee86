package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Corpus;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.corpus.Problem;
import dev.evidencebot.corpus.Reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grades every citation of the corpus on the evidence scale (EVIDENCE-SCALE.md): each claim sentence
 * read together with the reference entry it cites, each reference on its own, curators' sidecars
 * applied on top; a document that is itself a study (a primary source) by its own design as well.
 * Stateless and thread-safe.
 */
public final class EvidenceGrader {

    static final Caution NOT_CITED = new Caution("The article lists this reference but never cites it in its text.",
            "not cited in the article's text");

    private final StudyDesignRules rules = new StudyDesignRules();
    private final ReadingCombiner combiner = new ReadingCombiner();
    private final PrimarySourceGrader primarySources = new PrimarySourceGrader(rules);

    /**
     * Grades every article, reading each one's curator sidecar
     * {@code <corpusDirectory>/<dir of article.source()>/<article.id()>.evidence.json} when present.
     *
     * @return the graded articles, with the corpus' problems followed by the sidecars' problems
     */
    public GradedCorpus grade(Corpus corpus, Path corpusDirectory) {
        return grade(corpus, corpusDirectory, new GradingMemory());
    }

    /**
     * The same, reusing what {@code memory} holds for an article read from an unchanged file with an
     * unchanged sidecar, and grading the rest on every core: a reload after one file changed grades
     * one article, and a first load of thousands of abstracts takes a fraction of the time.
     */
    public GradedCorpus grade(Corpus corpus, Path corpusDirectory, GradingMemory memory) {
        List<GradingMemory.Graded> each = corpus.articles().parallelStream().map(article -> {
            String sidecar = sidecarName(article);
            Path file = corpusDirectory.resolve(sidecar);
            if (!insideOf(corpusDirectory, file)) {
                // the corpus refuses such ids; this guards anything that reaches the grader another way
                return new GradingMemory.Graded(grade(article, CuratorOverrides.none()), List.of(
                        new Problem(sidecar, 0, "curator sidecar would lie outside the corpus directory; not read")));
            }
            return memory.gradeOrReuse(article, file, () -> {
                List<Problem> sidecarProblems = new ArrayList<>();
                CuratorOverrides overrides = CuratorOverrides.load(file, sidecar, article, sidecarProblems);
                return new GradingMemory.Graded(grade(article, overrides), sidecarProblems);
            });
        }).toList();
        memory.retainOnly(corpus.articles());
        List<Problem> problems = new ArrayList<>(corpus.problems());
        List<GradedArticle> graded = new ArrayList<>(each.size());
        for (GradingMemory.Graded one : each) {
            graded.add(one.article());
            problems.addAll(one.problems());
        }
        return new GradedCorpus(graded, problems);
    }

    /** Whether {@code file} (links resolved, when it exists) lies inside {@code directory}. */
    static boolean insideOf(Path directory, Path file) {
        Path root = directory.toAbsolutePath().normalize();
        if (!file.toAbsolutePath().normalize().startsWith(root)) {
            return false;
        }
        try {
            return !java.nio.file.Files.exists(file) || file.toRealPath().startsWith(root.toRealPath());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Grades one article by the rules alone. */
    public GradedArticle grade(Article article) {
        return grade(article, CuratorOverrides.none());
    }

    GradedArticle grade(Article article, CuratorOverrides overrides) {
        TopicMatch.Subject subject = TopicMatch.subject(article);
        Map<String, Map<Integer, Grading>> citations = new LinkedHashMap<>();
        Map<Integer, List<Grading>> byReference = new LinkedHashMap<>();
        for (Passage passage : article.passages()) {
            Map<Integer, Grading> gradings = new LinkedHashMap<>();
            for (int number : passage.markers()) {
                Reference reference = article.reference(number);
                if (reference == null) {
                    continue; // the reader reports a marker without a reference; GradedArticle answers uncited
                }
                Grading grading = gradeCitation(article, passage, reference, overrides, subject);
                gradings.put(number, grading);
                byReference.computeIfAbsent(number, n -> new ArrayList<>()).add(grading);
            }
            if (!gradings.isEmpty()) {
                citations.put(passage.id(), gradings);
            }
        }
        Map<Integer, Grading> references = new LinkedHashMap<>();
        for (Reference reference : article.references()) {
            List<Grading> cited = byReference.getOrDefault(reference.number(), List.of());
            references.put(reference.number(), cited.isEmpty()
                    ? gradeUncited(reference, overrides, subject)
                    : strongest(cited));
        }
        Grading own = article.primarySource() ? primarySources.grade(article) : null;
        return new GradedArticle(article, references, citations, own);
    }

    private Grading gradeCitation(Article article, Passage passage, Reference reference,
                                  CuratorOverrides overrides, TopicMatch.Subject subject) {
        Reading claim = rules.read(passage.text());
        Grading byRules = combiner.combine(claim, rules.read(ReferenceEntry.describing(reference)));
        List<Caution> topic = new ArrayList<>();
        String title = ReferenceEntry.title(reference);
        String context = claimContext(article, passage, reference.number());
        addIfPresent(topic, TopicMatch.mismatch(context, title, subject));
        addIfPresent(topic, TopicMatch.background(title, subject, context, claim.describesStudy()));
        return withTopic(overridden(byRules, overrides, reference.number()), topic);
    }

    private Grading gradeUncited(Reference reference, CuratorOverrides overrides, TopicMatch.Subject subject) {
        Grading byRules = combiner.combine(null, rules.read(ReferenceEntry.describing(reference)));
        List<Caution> topic = new ArrayList<>();
        addIfPresent(topic, TopicMatch.background(ReferenceEntry.title(reference), subject));
        if (!reference.citedInText()) {
            topic.add(NOT_CITED);
        }
        return withTopic(overridden(byRules, overrides, reference.number()), topic);
    }

    /**
     * The sentence plus the earlier sentences of its paragraph that cite the same reference: a
     * follow-up ("Semax appeared to stabilize ... (4)") continues the claim before it.
     */
    private static String claimContext(Article article, Passage passage, int number) {
        StringBuilder context = new StringBuilder();
        for (Passage earlier : article.passages()) {
            if (earlier.paragraph() == passage.paragraph() && earlier.ordinal() < passage.ordinal()
                    && earlier.markers().contains(number)) {
                context.append(earlier.text()).append(' ');
            }
        }
        return context.append(passage.text()).toString();
    }

    /** A curator's override replaces the rules' design reading; the rules' rationale is kept after it. */
    private static Grading overridden(Grading byRules, CuratorOverrides overrides, int number) {
        CuratorOverrides.Override override = overrides.forReference(number);
        if (override == null) {
            return byRules;
        }
        StudyType type = override.studyType();
        String note = override.note() == null || override.note().isBlank() ? "no note" : override.note();
        return new Grading(type.level(), type,
                override.population() != null ? override.population() : byRules.population(),
                override.sampleSize() != null ? override.sampleSize() : byRules.sampleSize(),
                "curator override (" + overrides.fileName() + "): " + note + "; the rules would have said: "
                        + byRules.rationale(),
                List.of());
    }

    /** The strongest reading across a reference's citations; each already took the weaker side of its own disagreements. */
    private static Grading strongest(List<Grading> cited) {
        Grading best = cited.get(0);
        Set<String> warnings = new LinkedHashSet<>();
        for (Grading grading : cited) {
            if (grading.level().strongerThan(best.level())) {
                best = grading;
            }
            warnings.addAll(grading.warnings());
        }
        return new Grading(best.level(), best.studyType(), best.population(), best.sampleSize(),
                best.rationale(), List.copyOf(warnings));
    }

    private static Grading withTopic(Grading grading, List<Caution> topic) {
        return Caution.attach(grading, topic);
    }

    private static void addIfPresent(List<Caution> warnings, Caution warning) {
        if (warning != null) {
            warnings.add(warning);
        }
    }

    /** The sidecar's path relative to the corpus directory: next to the article's file. */
    static String sidecarName(Article article) {
        Path source = Path.of(article.source());
        String name = article.id() + CuratorOverrides.SUFFIX;
        return source.getParent() == null ? name : source.getParent().resolve(name).toString();
    }
}
