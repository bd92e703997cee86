package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Reference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.evidencebot.evidence.GradingAssert.assertGrading;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The examples table of EVIDENCE-SCALE.md, each a one-sentence article citing one reference. */
class EvidenceGraderScaleExamplesTest {

    private final EvidenceGrader grader = new EvidenceGrader();

    private Grading gradeOne(String claim, String referenceTitle) {
        Reference reference = new Reference(1, "Doe J. " + referenceTitle + " J Test. 2020.", "Doe J",
                referenceTitle, "J Test", 2020, null, null, List.of(), true);
        Article article = new SeedArticleFixture.Builder("example", "example.md", "Omega-3 and the brain")
                .paragraph().sentence(claim, 1).build(List.of(reference));
        return grader.grade(article).citation(article.passages().get(0), 1);
    }

    @Test
    void randomizedDoubleBlindPlaceboControlledTrialOf120Adults_isModerate() {
        Grading grading = gradeOne(
                "Omega-3 lowered depressive symptoms in a randomized, double-blind, placebo-controlled trial of 120 adults.",
                "Omega-3 supplementation and depressive symptoms in adults");
        assertGrading(grading, StudyType.RCT, "120 adults", 120,
                List.of("randomized", "120 adults", "randomized controlled trial in humans"), List.of());
    }

    @Test
    void metaAnalysisOf14Rcts_isHigh() {
        Grading grading = gradeOne("A 2019 meta-analysis of 14 RCTs found that omega-3 lowers triglycerides.",
                "Omega-3 fatty acids and triglycerides: a meta-analysis of randomized controlled trials");
        assertGrading(grading, StudyType.META_ANALYSIS, null, null,
                List.of("A 2019 meta-analysis of 14 RCTs", "meta-analysis"), List.of());
    }

    @Test
    void mazeLearningInMice_isPreclinical() {
        Grading grading = gradeOne("Omega-3 improved maze learning in mice.",
                "Dietary omega-3 improves spatial learning in C57BL/6 mice");
        assertGrading(grading, StudyType.ANIMAL, "C57BL/6 mice", null,
                List.of("C57BL/6 mice", "animals"), List.of());
    }

    @Test
    void culturedNeurons_isInVitro() {
        Grading grading = gradeOne("Omega-3 protected cultured neurons from oxidative damage.",
                "Docosahexaenoic acid protects cultured cortical neurons against oxidative stress");
        assertGrading(grading, StudyType.IN_VITRO, "cultured cortical", null,
                List.of("cultured", "cells or tissue"), List.of());
    }

    @Test
    void twelveHealthyVolunteersScannedWithFmri_isVeryLow() {
        Grading grading = gradeOne("Omega-3 changed resting-state connectivity in 12 healthy volunteers scanned with fMRI.",
                "Omega-3 and resting-state connectivity of the brain");
        assertGrading(grading, StudyType.HUMAN_UNCONTROLLED, "12 healthy volunteers", 12,
                List.of("12 healthy volunteers", "no control group stated"), List.of());
    }

    @Test
    void metaAnalysisOfRatStudies_populationBeatsDesign() {
        Grading grading = gradeOne("A meta-analysis of rat studies found that omega-3 reduces infarct size.",
                "Omega-3 and infarct size in rats: a meta-analysis");
        assertGrading(grading, StudyType.ANIMAL, "rats", null,
                List.of("meta-analysis", "population beats design (meta-analysis)"), List.of());
        assertEquals(EvidenceLevel.PRECLINICAL, grading.level());
    }

    @Test
    void expertsAgreeCitingAReview_isOpinion() {
        Grading grading = gradeOne("Experts agree that omega-3 is a new generation of drugs.",
                "A new generation of drugs: a review");
        assertGrading(grading, StudyType.NARRATIVE_REVIEW, null, null,
                List.of("reference: \"a review\"", "narrative review or opinion"), List.of());
    }

    @Test
    void claimAndEntryNameDifferentPopulations_weakerWinsWithAWarning() {
        Grading grading = gradeOne("Omega-3 improved mood in patients.",
                "Omega-3 improves mood-related behavior in rats");
        assertGrading(grading, StudyType.ANIMAL, "rats", null, List.of("claim: \"patients\"", "reference: \"rats\"",
                        "warning: the claim speaks of patients but the reference entry of rats; graded on the weaker reading"),
                List.of("The article speaks of patients, but the reference describes rats. The lower rating of the two is used."));
    }

    @Test
    void claimSaysRandomizedButEntrySaysOpenLabel_weakerDesignWins() {
        Grading grading = gradeOne("In a randomized trial of 40 patients, omega-3 improved mood.",
                "An open-label study of omega-3 and mood in patients");
        assertGrading(grading, StudyType.HUMAN_UNCONTROLLED, "40 patients", 40, List.of("open-label",
                        "warning: the claim says randomized but the reference entry says open-label; graded on the weaker reading"),
                List.of("The article calls the study randomized, but the reference says open-label. The lower rating of the two is used."));
    }

    @Test
    void claimSaysRandomizedAndEntrySaysPlaceboControlled_theMoreSpecificDesignWinsWithoutAWarning() {
        Grading grading = gradeOne("A randomized, double-blind trial of 45 adults found better recall after six weeks.",
                "Oral creatine improves brain performance: a double-blind, placebo-controlled, cross-over trial");
        assertGrading(grading, StudyType.RCT, "45 adults", 45,
                List.of("randomized", "placebo-controlled", "randomized controlled trial in humans"), List.of());
    }

    @Test
    void claimSaysRandomizedButEntrySaysNonRandomized_isADisagreement() {
        Grading grading = gradeOne("A randomized trial of 45 adults found better recall.",
                "Creatine and recall: a non-randomized controlled study in adults");
        assertEquals(StudyType.CONTROLLED_STUDY, grading.studyType());
        assertEquals(1, grading.warnings().size(), grading.warnings().toString());
    }

    @Test
    void sentenceWithoutMarker_isUncited() {
        Article article = new SeedArticleFixture.Builder("example", "example.md", "Omega-3")
                .paragraph().sentence("A large body of research shows omega-3 is good for you.").build(List.of());
        GradedArticle graded = grader.grade(article);
        assertEquals(Grading.uncited(), graded.citation(article.passages().get(0), 1));
        assertEquals(EvidenceLevel.UNCITED, graded.citation(article.passages().get(0), 1).level());
    }

    @Test
    void jsonLinesArticleWithoutReferences_hasNoCitations() {
        Article base = new SeedArticleFixture.Builder("doc-7", "docs.jsonl", "Omega-3")
                .paragraph().sentence("Omega-3 is found in fish.").sentence("It may help the heart.").build(List.of());
        Article jsonLines = new Article(base.id(), base.source(), Article.Format.JSON_LINES, base.title(), null, null,
                null, List.of(), base.passages(), List.of());

        GradedArticle graded = grader.grade(jsonLines);

        assertEquals(java.util.Map.of(), graded.citations());
        assertEquals(java.util.Map.of(), graded.references());
        assertEquals(Grading.uncited(), graded.citation(jsonLines.passages().get(1), 1));
    }
}
