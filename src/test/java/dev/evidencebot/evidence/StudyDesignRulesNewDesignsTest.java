package dev.evidencebot.evidence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The designs beyond the seed, each with the words that decide it. */
class StudyDesignRulesNewDesignsTest {

    private final StudyDesignRules rules = new StudyDesignRules();

    private void assertDesign(String text, StudyType expected, String decidingWords) {
        // when
        Reading reading = rules.read(text);
        // then
        assertEquals(expected, reading.design(), text);
        assertTrue(reading.designWords().stream().anyMatch(w -> w.equalsIgnoreCase(decidingWords)),
                "deciding words " + reading.designWords() + " lack \"" + decidingWords + "\"");
    }

    @Test
    void caseReports_byTheirWordsOrATitleNamingOnePerson() {
        assertDesign("A single report described a man who collapsed after three cans of cola.",
                StudyType.CASE_REPORT, "a single report");
        assertDesign("We report the case of a runner with exertional heat stroke.", StudyType.CASE_REPORT,
                "we report the case");
        assertDesign("A case of lithium toxicity after dehydration", StudyType.CASE_REPORT, "a case of");
        assertDesign("We describe a patient whose migraine resolved with riboflavin.", StudyType.CASE_REPORT,
                "we describe a patient");
        assertDesign("Energy drink-induced myocardial infarction in a young weight lifter", StudyType.CASE_REPORT,
                "in a young weight lifter");
        assertDesign("Vitamin D intoxication in a 45-year-old woman", StudyType.CASE_REPORT, "in a 45-year-old woman");
        assertDesign("Button battery ingestion in a child", StudyType.CASE_REPORT, "in a child");
        assertDesign("Vanishing cerebellar infarcts in a migraine patient", StudyType.CASE_REPORT,
                "in a migraine patient");
        assertEquals(null, rules.read("Iron status in a patient population of 300 dialysis patients").design(),
                "a patient population is a group, not one person");
    }

    @Test
    void caseSeries_isItsOwnDesign_notACaseReport() {
        assertDesign("We report a case series of seven climbers with high-altitude cerebral edema.",
                StudyType.CASE_SERIES, "case series");
        assertDesign("Outcomes in a series of 12 consecutive patients treated with ketamine", StudyType.CASE_SERIES,
                "series of 12 consecutive patients");
    }

    @Test
    void crossover_isARandomizedTrialOnlyWhenRandomizationIsStated() {
        assertDesign("In a randomized, double-blind crossover trial, 18 cyclists took beetroot juice or placebo.",
                StudyType.CROSSOVER_TRIAL, "randomized, double-blind crossover");
        assertDesign("A double-blind crossover study of nitrate supplements in 18 cyclists",
                StudyType.CONTROLLED_STUDY, "crossover");
    }

    @Test
    void clusterRandomizedTrial() {
        assertDesign("A cluster-randomised trial of school-based fluoride varnish in 40 schools",
                StudyType.CLUSTER_RCT, "cluster-randomised");
    }

    @Test
    void cohortsByDirection_caseControl_crossSectional() {
        assertDesign("A prospective population-based cohort of 12,000 adults followed for coffee intake",
                StudyType.PROSPECTIVE_COHORT, "prospective population-based cohort");
        assertDesign("This retrospective cohort study used records of 800 patients after hip fracture.",
                StudyType.RETROSPECTIVE_COHORT, "retrospective cohort");
        assertDesign("A case-control study of mobile phone use and glioma", StudyType.CASE_CONTROL, "case-control");
        assertDesign("Screen time and sleep: a cross-sectional survey of 2,000 teenagers",
                StudyType.CROSS_SECTIONAL, "cross-sectional");
    }

    @Test
    void umbrellaReview_isAReviewOfReviews_aboveTheMetaAnalysesItCovers() {
        assertDesign("Exercise for depression: an umbrella review of meta-analyses", StudyType.UMBRELLA_REVIEW,
                "umbrella review");
        assertDesign("Probiotics in children: a review of systematic reviews", StudyType.UMBRELLA_REVIEW,
                "review of systematic reviews");
    }

    @Test
    void guidelines_editorialsAndProtocols_areOpinion() {
        assertDesign("International society of sports nutrition position stand: caffeine and exercise performance",
                StudyType.GUIDELINE, "position stand");
        assertDesign("Clinical practice guideline for the management of gout", StudyType.GUIDELINE,
                "clinical practice guideline");
        assertDesign("Salt and blood pressure: an editorial", StudyType.EDITORIAL, "editorial");
        assertDesign("Letter to the editor: statins and memory", StudyType.EDITORIAL, "letter to the editor");
        assertDesign("Study protocol for a randomised controlled trial of yoga for low back pain",
                StudyType.STUDY_PROTOCOL, "study protocol");
        assertEquals(EvidenceLevel.OPINION, StudyType.STUDY_PROTOCOL.level());
    }

    @Test
    void inSilico_computationWithoutALivingSubject() {
        assertDesign("Molecular docking of curcumin against the SARS-CoV-2 main protease", StudyType.IN_SILICO,
                "molecular docking");
        assertDesign("An in silico screen of 2,000 compounds for kinase inhibition", StudyType.IN_SILICO, "in silico");
        assertEquals(EvidenceLevel.PRECLINICAL, StudyType.IN_SILICO.level());
    }

    @Test
    void populationStillBeatsDesign_andOpinionIsNeverRoundedUp() {
        assertEquals(StudyType.ANIMAL, ReadingCombiner.classify(
                rules.read("An umbrella review of meta-analyses in rats").population(), StudyType.UMBRELLA_REVIEW));
        assertEquals(StudyType.GUIDELINE, ReadingCombiner.classify(
                rules.read("guideline for the care of laboratory rats").population(), StudyType.GUIDELINE));
    }
}
