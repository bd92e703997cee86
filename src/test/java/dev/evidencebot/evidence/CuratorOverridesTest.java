package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Corpus;
import dev.evidencebot.corpus.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.evidencebot.evidence.GradingAssert.assertGrading;
import static dev.evidencebot.evidence.SeedArticleFixture.CLAIM_3A;
import static dev.evidencebot.evidence.SeedArticleFixture.CLAIM_3B;
import static dev.evidencebot.evidence.SeedArticleFixture.CLAIM_5;
import static dev.evidencebot.evidence.SeedArticleFixture.passage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Curator sidecars: the override wins and says so; anything unusable is a problem with file and line. */
class CuratorOverridesTest {

    private static final String SIDECAR = "semax-effects-breakdown.evidence.json";

    private final Article article = SeedArticleFixture.article();
    private final EvidenceGrader grader = new EvidenceGrader();

    @TempDir
    Path corpusDirectory;

    private GradedCorpus gradeWithSidecar(String json) throws IOException {
        Files.writeString(corpusDirectory.resolve(SIDECAR), json);
        Problem readerProblem = new Problem("other.md", 4, "marker (12) has no reference");
        return grader.grade(new Corpus(List.of(article), List.of(readerProblem)), corpusDirectory);
    }

    @Test
    void overrideWinsForTheReferenceAndEveryCitationOfIt() throws IOException {
        GradedCorpus graded = gradeWithSidecar("""
                {
                  "3": {"studyType": "RCT", "note": "full text says randomized, double-blind",
                        "population": "40 adults", "sampleSize": 40}
                }
                """);

        GradedArticle result = graded.articles().get(0);
        List<String> rationale = List.of(
                "curator override (" + SIDECAR + "): full text says randomized, double-blind",
                "the rules would have said: claim: \"In one preclinical study\"; reference: \"white rats\"");
        assertGrading(result.citation(passage(article, CLAIM_3A), 3), StudyType.RCT, "40 adults", 40, rationale, List.of());
        assertGrading(result.citation(passage(article, CLAIM_3B), 3), StudyType.RCT, "40 adults", 40,
                List.of("curator override (" + SIDECAR + ")"), List.of());
        assertGrading(result.references().get(3), StudyType.RCT, "40 adults", 40, List.of("curator override"), List.of());
        assertEquals(List.of(new Problem("other.md", 4, "marker (12) has no reference")), graded.problems());
    }

    @Test
    void overrideWithoutPopulationKeepsTheRulesPopulation() throws IOException {
        GradedCorpus graded = gradeWithSidecar("{\"5\": {\"studyType\": \"CONTROLLED_STUDY\"}}");

        assertGrading(graded.articles().get(0).citation(passage(article, CLAIM_5), 5), StudyType.CONTROLLED_STUDY,
                "30 stroke patients", 30, List.of("curator override (" + SIDECAR + "): no note",
                        "humans, no control group stated"), List.of());
    }

    @Test
    void malformedSidecar_isAProblemWithFileAndLine_andTheRulesStand() throws IOException {
        GradedCorpus graded = gradeWithSidecar("""
                {
                  "3": {"studyType": "RCT"},
                  "5": {"studyType": "RCT",
                }
                """);

        Problem problem = graded.problems().get(1);
        assertEquals(SIDECAR, problem.file());
        assertEquals(4, problem.line());
        assertTrue(problem.message().startsWith("malformed JSON in curator sidecar"), problem.message());
        assertGrading(graded.articles().get(0).citation(passage(article, CLAIM_3A), 3), StudyType.ANIMAL,
                "white rats", null, List.of("reference: \"white rats\""), List.of());
    }

    @Test
    void unknownStudyType_isAProblemOnItsLine_andOnlyThatEntryIsDropped() throws IOException {
        GradedCorpus graded = gradeWithSidecar("""
                {
                  "5": {"studyType": "RCT"},
                  "3": {
                    "studyType": "RANDOMISED",
                    "note": "typo"
                  }
                }
                """);

        assertEquals(List.of(new Problem(SIDECAR, 4, "unknown studyType \"RANDOMISED\" for reference 3; expected one of "
                + "[UMBRELLA_REVIEW, META_ANALYSIS, SYSTEMATIC_REVIEW, RCT, CLUSTER_RCT, CROSSOVER_TRIAL, "
                + "CONTROLLED_STUDY, PROSPECTIVE_COHORT, RETROSPECTIVE_COHORT, CASE_CONTROL, CROSS_SECTIONAL, "
                + "OBSERVATIONAL, HUMAN_UNCONTROLLED, CASE_SERIES, CASE_REPORT, ANIMAL, IN_VITRO, IN_SILICO, "
                + "NARRATIVE_REVIEW, GUIDELINE, EDITORIAL, STUDY_PROTOCOL]")), graded.problems().subList(1, 2));
        GradedArticle result = graded.articles().get(0);
        assertEquals(StudyType.ANIMAL, result.citation(passage(article, CLAIM_3A), 3).studyType());
        assertEquals(StudyType.RCT, result.citation(passage(article, CLAIM_5), 5).studyType());
    }

    @Test
    void referenceNumberTheArticleLacks_isAProblemOnItsLine() throws IOException {
        GradedCorpus graded = gradeWithSidecar("""
                {
                  "12": {"studyType": "RCT"}
                }
                """);

        Problem problem = graded.problems().get(1);
        assertEquals(new Problem(SIDECAR, 2, problem.message()), problem);
        assertTrue(problem.message().startsWith("reference 12 does not exist in article semax-effects-breakdown"),
                problem.message());
        assertEquals(2, graded.problems().size());
    }

    @Test
    void sidecarIsLookedUpNextToTheArticlesFile() throws IOException {
        Article nested = new Article(article.id(), "blog/" + SeedArticleFixture.SOURCE, article.format(),
                article.title(), article.author(), article.date(), article.url(), article.sections(),
                article.passages(), article.references());
        Files.createDirectories(corpusDirectory.resolve("blog"));
        Files.writeString(corpusDirectory.resolve("blog/" + SIDECAR), "{\"12\": {\"studyType\": \"RCT\"}}");

        GradedCorpus graded = grader.grade(new Corpus(List.of(nested), List.of()), corpusDirectory);

        assertEquals("blog/" + SIDECAR, graded.problems().get(0).file());
    }

    @Test
    void noSidecar_noProblems_rulesOnly() {
        List<Problem> problems = new ArrayList<>();
        CuratorOverrides overrides = CuratorOverrides.load(corpusDirectory.resolve(SIDECAR), SIDECAR, article, problems);

        assertTrue(problems.isEmpty());
        assertEquals(null, overrides.forReference(3));
    }
}
