package dev.evidencebot.evidence;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyDesignRulesTest {

    private final StudyDesignRules rules = new StudyDesignRules();

    @Test
    void nonRandomizedIsAControlledStudyNotAnRct() {
        Reading reading = rules.read("A non-randomized controlled trial of melatonin");
        assertEquals(StudyType.CONTROLLED_STUDY, reading.design());
        assertEquals(List.of("non-randomized", "controlled"), reading.designWords());
    }

    @Test
    void aReviewOfRandomizedTrialsIsAReview_aSystematicOneIsNot() {
        assertEquals(StudyType.NARRATIVE_REVIEW, rules.read("Melatonin for sleep: a review of randomized trials").design());
        assertEquals(StudyType.SYSTEMATIC_REVIEW, rules.read("Melatonin for sleep: a systematic review").design());
    }

    @Test
    void aCohortWithoutDirectionIsControlled_namedObservationalDesignsAreTheirOwn() {
        // cohorts, case-control and cross-sectional studies were CONTROLLED_STUDY / OBSERVATIONAL before
        // they became designs of their own; the level (LOW) is unchanged
        assertEquals(StudyType.CONTROLLED_STUDY, rules.read("A cohort of nurses followed for ten years").design());
        assertEquals(StudyType.PROSPECTIVE_COHORT, rules.read("A prospective cohort of nurses").design());
        assertEquals(StudyType.CASE_CONTROL, rules.read("A case-control study of glioma").design());
        assertEquals(StudyType.CROSS_SECTIONAL, rules.read("A cross-sectional survey of students").design());
        assertEquals(StudyType.OBSERVATIONAL, rules.read("A national survey of sleep habits").design());
        assertEquals(StudyType.CASE_REPORT, rules.read("Psychosis after melatonin: a case report").design());
    }

    @Test
    void anEffectInPatientsIsNotADescriptionOfTheStudy_aCountedSampleIs() {
        Reading effect = rules.read(SeedArticleFixture.CLAIM_6);
        Reading study = rules.read(SeedArticleFixture.CLAIM_5);

        assertFalse(effect.describesStudy());
        assertEquals("patients", effect.population().phrase());
        assertTrue(study.describesStudy());
        assertEquals("In a study involving 30 stroke patients", study.studyPhrase());
        assertNull(study.design(), "no control group is stated, so no design");
    }
}
