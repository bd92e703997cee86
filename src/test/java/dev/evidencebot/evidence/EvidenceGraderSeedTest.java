package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Article;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.evidencebot.evidence.GradingAssert.assertGrading;
import static dev.evidencebot.evidence.SeedArticleFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Golden test: every citation and every reference of the seed article, graded as EVIDENCE-SCALE.md asks. */
class EvidenceGraderSeedTest {

    // what a visitor reads on a source card; the grader's own words stay in the rationale (NOT_SEMAX_GRADER ...)
    private static final String NOT_SEMAX = "This reference is background reading; it is not about Semax.";
    private static final String NOT_SEMAX_GRADER = "warning: background, not about Semax";
    private static final String MAY_NOT_SUPPORT = "so it may not back this sentence";
    private static final String MAY_NOT_SUPPORT_GRADER = "warning: the citation may not support the claim";

    private final Article article = SeedArticleFixture.article();
    private final GradedArticle graded = new EvidenceGrader().grade(article);

    private Grading citation(String claim, int reference) {
        return graded.citation(passage(article, claim), reference);
    }

    @Test
    void reference1_aReviewOfPeptideDrugsStatesNoDesign_isOpinionAndBackground() {
        assertGrading(citation(CLAIM_1, 1), StudyType.NARRATIVE_REVIEW, null, null,
                List.of("reference: states no design or population", "design cannot be told", NOT_SEMAX_GRADER),
                List.of(NOT_SEMAX));
    }

    @Test
    void reference2_ratIschemiaGenes_isPreclinicalAndMayNotSupportTheDopamineClaim() {
        assertGrading(citation(CLAIM_2, 2), StudyType.ANIMAL, "rats", null,
                List.of("claim: states no design or population", "reference: \"rats\"", "animals (rats)",
                        MAY_NOT_SUPPORT_GRADER + ": the claim is about stimulates, release, dopamine, BDNF;"
                        + " the reference is about peptide, expression, genes, immune, vascular, systems"),
                List.of("The cited study's title is about other things (peptide, expression, genes, immune, vascular,"
                        + " systems), " + MAY_NOT_SUPPORT));
    }

    @Test
    void reference3_whiteRats_isPreclinicalForBothCitations() {
        assertGrading(citation(CLAIM_3A, 3), StudyType.ANIMAL, "white rats", null,
                List.of("claim: \"In one preclinical study\"", "reference: \"white rats\""), List.of());
        assertGrading(citation(CLAIM_3B, 3), StudyType.ANIMAL, "white rats", null,
                List.of("claim: states no design or population", "reference: \"white rats\""), List.of());
    }

    @Test
    void reference4_adolescentWhiteRats_isPreclinical() {
        assertGrading(citation(CLAIM_4A, 4), StudyType.ANIMAL, "adolescent white rats", null,
                List.of("reference: \"adolescent white rats\""), List.of());
        assertGrading(citation(CLAIM_4B, 4), StudyType.ANIMAL, "adolescent white rats", null,
                List.of("reference: \"adolescent white rats\""), List.of());
    }

    @Test
    void reference5_thirtyStrokePatientsWithNoControlStated_isVeryLow() {
        assertGrading(citation(CLAIM_5, 5), StudyType.HUMAN_UNCONTROLLED, "30 stroke patients", 30,
                List.of("claim: \"In a study involving 30 stroke patients\"",
                        "reference: \"a clinical and electrophysiological study\"",
                        "-> humans, no control group stated"),
                List.of());
    }

    @Test
    void reference6_claimSaysPatientsButEntryStatesNoStudy_weakerReadingWins() {
        assertGrading(citation(CLAIM_6, 6), StudyType.NARRATIVE_REVIEW, null, null,
                List.of("claim: \"patients\"", "reference: states no design or population", "design cannot be told",
                        "warning: the claim speaks of patients but the reference entry states no human study"),
                List.of("The article speaks of patients, but the reference does not say what kind of study this was."));
    }

    @Test
    void reference7_fmriStudy_isAnImagingStudyInPeople() {
        assertGrading(citation(CLAIM_7, 7), StudyType.HUMAN_UNCONTROLLED, "humans (fMRI)", null,
                List.of("claim: \"In an fMRI study\"", "imaging study in people, no control group stated"),
                List.of());
    }

    @Test
    void reference8_brainNetworksPaper_isOpinionAndBackground() {
        assertGrading(citation(CLAIM_8, 8), StudyType.NARRATIVE_REVIEW, null, null,
                List.of("design cannot be told", NOT_SEMAX_GRADER), List.of(NOT_SEMAX));
    }

    @Test
    void reference9_rodentStudyOfRatHippocampus_isPreclinicalInRats() {
        assertGrading(citation(CLAIM_9, 9), StudyType.ANIMAL, "rats", null,
                List.of("claim: \"In a rodent study\"", "reference: \"rats\""), List.of());
    }

    @Test
    void reference10_neverCited_isGradedFromItsEntryAlone() {
        assertGrading(graded.references().get(10), StudyType.NARRATIVE_REVIEW, null, null,
                List.of("reference: states no design or population", "design cannot be told from the entry",
                        "warning: " + EvidenceGrader.NOT_CITED.forCurator()),
                List.of("The article lists this reference but never cites it in its text."));
    }

    @Test
    void everyReferenceIsGraded_theStrongestConsistentReadingOfItsCitations() {
        assertEquals(10, graded.references().size());
        assertGrading(graded.references().get(5), StudyType.HUMAN_UNCONTROLLED, "30 stroke patients", 30,
                List.of("no control group stated"), List.of());
        assertGrading(graded.references().get(2), StudyType.ANIMAL, "rats", null,
                List.of("animals (rats)"), List.of(MAY_NOT_SUPPORT));
        assertGrading(graded.references().get(6), StudyType.NARRATIVE_REVIEW, null, null,
                List.of("design cannot be told"), List.of("The article speaks of patients"));
        assertGrading(graded.references().get(7), StudyType.HUMAN_UNCONTROLLED, "humans (fMRI)", null,
                List.of("imaging study in people"), List.of());
    }

    @Test
    void sentencesWithoutMarkers_areUncited() {
        Grading grading = graded.citation(passage(article, "ACTH is secreted by corticotroph cells in the pituitary gland."), 1);
        assertEquals(Grading.uncited(), grading);
    }
}
