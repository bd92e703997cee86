package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.corpus.Passage.Role;
import dev.evidencebot.corpus.Section;
import dev.evidencebot.corpus.StudyRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.evidencebot.evidence.GradingAssert.assertGrading;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A document that is itself a study is graded by its own design (EVIDENCE-SCALE.md, "Primary sources"). */
class PrimarySourceGradingTest {

    private final EvidenceGrader grader = new EvidenceGrader();

    /** An abstract as the JSON Lines reader gives it: sentences with their roles, optionally a PubMed record. */
    private static Article abstractOf(String title, StudyRecord record, Object... sentencesAndRoles) {
        List<Passage> passages = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < sentencesAndRoles.length; i += 2) {
            String text = (String) sentencesAndRoles[i];
            int ordinal = passages.size();
            passages.add(new Passage("doc#" + ordinal, "doc", ordinal, title, 0, 1, text, List.of(),
                    (Role) sentencesAndRoles[i + 1]));
            texts.add(text);
        }
        return new Article("doc", "abstracts.jsonl", Article.Format.JSON_LINES, title, null, null, null,
                List.of(new Section(title, List.of(String.join(" ", texts)))), passages, List.of(), record);
    }

    @Test
    void anRctAbstractInHumans_isAModerateRandomizedTrial() {
        // given
        Article article = abstractOf("Vitamin D and winter respiratory infections in office workers", StudyRecord.NONE,
                "Respiratory infections peak in winter.", Role.BACKGROUND,
                "We randomly assigned 320 adults to vitamin D or placebo in a double-blind trial.", Role.METHOD,
                "Infections were 12% fewer with vitamin D.", Role.FINDING);
        // when
        Grading own = grader.grade(article).own();
        // then
        assertGrading(own, StudyType.RCT, "320 adults", 320,
                List.of("abstract: ", "randomly assigned", "\"320 adults\"", "randomized controlled trial in humans"),
                List.of());
    }

    @Test
    void aRatAbstractThatSaysRandomized_isAnimal_populationBeatsDesign() {
        Article article = abstractOf("Intermittent fasting and hippocampal neurogenesis", StudyRecord.NONE,
                "Forty male Wistar rats were randomized to intermittent fasting or ad libitum feeding.", Role.METHOD,
                "Fasting increased neurogenesis in the dentate gyrus.", Role.FINDING);

        assertGrading(grader.grade(article).own(), StudyType.ANIMAL, "male Wistar rats", null,
                List.of("rats", "population beats design (randomized controlled trial)"), List.of());
    }

    @Test
    void meshAnimalsWithoutHumans_isAnimal_evenWhenTheTextNamesNoSpecies() {
        StudyRecord record = new StudyRecord(List.of("Journal Article"), List.of("Animals", "Male", "Swimming"), 2004);
        Article article = abstractOf("Swimming endurance after creatine loading", record,
                "Subjects were randomized to creatine or water for four weeks.", Role.METHOD,
                "Swimming time to exhaustion improved with creatine.", Role.FINDING);

        Grading own = grader.grade(article).own();

        assertGrading(own, StudyType.ANIMAL, "animals", null,
                List.of("MeSH: \"Animals\" without \"Humans\"", "population beats design"), List.of());
    }

    @Test
    void publicationTypeRctWithHumans_isAnRct_whenTheAbstractStatesNoDesign() {
        StudyRecord record = new StudyRecord(List.of("Randomized Controlled Trial", "Journal Article"),
                List.of("Adult", "Female", "Humans"), 2015);
        Article article = abstractOf("Mindfulness training for exam anxiety", record,
                "Students took an eight-week mindfulness course or waited.", Role.METHOD,
                "Anxiety scores fell by a third.", Role.FINDING);

        assertGrading(grader.grade(article).own(), StudyType.RCT, "students", null,
                List.of("publication type: \"Randomized Controlled Trial\"", "MeSH: \"Humans\""), List.of());
    }

    @Test
    void caseReportsPublicationType_andATitleNamingOnePerson_isACaseReport() {
        StudyRecord record = new StudyRecord(List.of("Case Reports"), List.of("Humans", "Male", "Adult"), 2019);
        Article article = abstractOf("Rhabdomyolysis after a spin class in a 28-year-old man", record,
                "He presented with dark urine two days after his first class.", Role.FINDING);

        assertGrading(grader.grade(article).own(), StudyType.CASE_REPORT, "humans", null,
                List.of("in a 28-year-old man", "publication type: \"Case Reports\""), List.of());
    }

    @Test
    void backgroundSentencesDoNotDecide_theyTellWhatOtherStudiesDid() {
        Article article = abstractOf("Reading glasses and falls in older adults", StudyRecord.NONE,
                "A meta-analysis of 12 trials in mice linked lens changes to falls.", Role.BACKGROUND,
                "We followed 2,400 adults aged over 65 in a prospective cohort.", Role.METHOD,
                "Multifocal lenses were associated with more falls.", Role.FINDING);

        assertGrading(grader.grade(article).own(), StudyType.PROSPECTIVE_COHORT, "2,400 adults", 2400,
                List.of("prospective cohort"), List.of());
    }

    @Test
    void textAndMeshDisagree_theWeakerReadingWins_withAWarning() {
        StudyRecord record = new StudyRecord(List.of(), List.of("Animals", "Mice"), null);
        Article article = abstractOf("Caffeine and alertness in shift workers", record,
                "We enrolled 60 nurses working night shifts.", Role.METHOD,
                "Caffeine improved reaction times.", Role.FINDING);

        Grading own = grader.grade(article).own();

        assertEquals(StudyType.ANIMAL, own.studyType());
        assertEquals(1, own.warnings().size(), own.warnings().toString());
        assertTrue(own.warnings().get(0).contains("PubMed's subject headings say"), own.warnings().get(0));
        assertTrue(own.rationale().contains("; warning: the abstract speaks of"), own.rationale());
        assertTrue(own.rationale().contains("but its MeSH headings say"), own.rationale());
    }

    @Test
    void anAbstractThatStatesNothing_cannotBeTold_andIsOpinion() {
        Article article = abstractOf("Thoughts on coastal erosion", StudyRecord.NONE,
                "Coastlines change with every storm.", Role.FINDING);

        assertGrading(grader.grade(article).own(), StudyType.NARRATIVE_REVIEW, null, null,
                List.of(PrimarySourceGrader.CANNOT_BE_TOLD), List.of());
    }

    @Test
    void articlesThatCiteStudies_haveNoOwnGrading() {
        assertNull(grader.grade(SeedArticleFixture.article()).own());
    }
}
