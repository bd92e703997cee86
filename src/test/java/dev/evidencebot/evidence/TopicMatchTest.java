package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Reference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicMatchTest {

    private static Reference titled(int number, String title) {
        return new Reference(number, title, null, title, null, null, null, null, List.of(), true);
    }

    @Test
    void subjectIsTheTitleWordMostReferenceTitlesShare() {
        Article article = new SeedArticleFixture.Builder("c", "c.md", "Creatine's Effects on Memory").build(List.of(
                titled(1, "Creatine supplementation and memory in older adults"),
                titled(2, "Creatine and muscle strength: a meta-analysis"),
                titled(3, "Creatine kinetics in rats"),
                titled(4, "Sleep and memory consolidation")));

        TopicMatch.Subject subject = TopicMatch.subject(article);

        assertEquals("Creatine", subject.name());
        Caution background = TopicMatch.background("Sleep and memory consolidation", subject);
        assertEquals("background, not about Creatine", background.forCurator());
        assertEquals("This reference is background reading; it is not about Creatine.", background.forReader());
        assertNull(TopicMatch.background("Creatine kinetics in rats", subject));
    }

    @Test
    void seedSubjectIsSemax() {
        assertEquals("Semax", TopicMatch.subject(SeedArticleFixture.article()).name());
    }

    @Test
    void noWordSharedByMostReferences_noSubject_noBackgroundWarnings() {
        Article article = new SeedArticleFixture.Builder("c", "c.md", "Sleep").build(List.of(
                titled(1, "Caffeine and alertness"), titled(2, "Sleep and memory"), titled(3, "Light and mood")));

        assertFalse(TopicMatch.subject(article).known());
    }

    @Test
    void sharedWordAfterStemmingAndSynonyms_matches() {
        TopicMatch.Subject semax = TopicMatch.subject(SeedArticleFixture.article());

        assertNull(TopicMatch.mismatch("Semax reduced anxiety-driven behaviors.", "Semax attenuates behavioral alterations", semax));
        assertNull(TopicMatch.mismatch("Effects induced by SSRIs were mitigated.", "early-life fluvoxamine exposure", semax));
        assertNull(TopicMatch.mismatch("Semax enhanced memory in patients.", "A nootropic analog 4-10-semax.", semax));
    }

    @Test
    void onlyTheSubjectInCommon_isAMismatch() {
        TopicMatch.Subject semax = TopicMatch.subject(SeedArticleFixture.article());

        Caution caution = TopicMatch.mismatch(SeedArticleFixture.CLAIM_2,
                "The peptide Semax affects the expression of genes related to the immune and vascular systems", semax);
        String warning = caution.forCurator();

        assertTrue(warning.startsWith("the citation may not support the claim: the claim is about"), warning);
        assertTrue(warning.contains("dopamine, BDNF") && warning.contains("immune, vascular"), warning);
        assertFalse(warning.contains("brain,"), "brain-derived neurotrophic factor is one term, not 'brain': " + warning);
        // a visitor reads what the study is about and what that means, without the grader's terms
        assertEquals("The cited study's title is about other things (peptide, expression, genes, immune, vascular, systems),"
                + " so it may not back this sentence.", caution.forReader());
    }

    @Test
    void aClaimThatNamesTheSubjectWhileDescribingTheStudy_makesItsReferenceAboutTheSubject() {
        // given a caffeine article citing a case report titled for an energy drink
        String claim = "A single report described a young weight lifter who had a heart attack after drinking"
                + " energy drinks loaded with caffeine.";
        Article article = new SeedArticleFixture.Builder("caffeine", "caffeine.md", "Caffeine and the Heart")
                .paragraph().sentence(claim, 3)
                .paragraph().sentence("Caffeine is the most widely used stimulant, often drunk at breakfast.", 4)
                .build(List.of(
                        titled(1, "Caffeine intake and atrial fibrillation: a meta-analysis"),
                        titled(2, "Caffeine and blood pressure in 40 healthy adults"),
                        titled(3, "Energy drink-induced acute myocardial infarction in a young weight lifter"),
                        titled(4, "Breakfast habits of European adults"),
                        titled(5, "Caffeine withdrawal headache")));
        // when
        GradedArticle graded = new EvidenceGrader().grade(article);
        // then
        Grading caseReport = graded.citation(article.passages().get(0), 3);
        assertEquals(StudyType.CASE_REPORT, caseReport.studyType());
        assertTrue(caseReport.warnings().stream().noneMatch(w -> w.contains("background")), caseReport.warnings().toString());
        Grading general = graded.citation(article.passages().get(1), 4);
        assertTrue(general.warnings().contains("This reference is background reading; it is not about Caffeine."),
                "a sentence that describes no study leaves its reference background: " + general.warnings());
    }
}
