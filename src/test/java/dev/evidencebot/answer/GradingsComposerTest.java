package dev.evidencebot.answer;

import dev.evidencebot.evidence.EvidenceLevel;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.evidence.StudyType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class GradingsComposerTest {

    private static String answerRandomized(Grading own) {
        GradedArticle study = PrimarySourceFixture.abstractGraded(own);
        var finding = PrimarySourceFixture.retrieved(study, PrimarySourceFixture.RESULT, 1);
        List<Source> sources = SourceNumbering.number(List.of(finding), List.of(finding));
        GroundedSentences grounded = new GroundedSentences(sources, AnswerTexts.withoutFindings(), piece -> { });
        new GradingsComposer().compose(EvidenceQuestions.Kind.RANDOMIZED, "caffeine and sleep", sources, grounded);
        return grounded.text();
    }

    @Test
    void anyRandomizedDesignInHumansIsAYes() {
        Grading cluster = new Grading(EvidenceLevel.MODERATE, StudyType.CLUSTER_RCT, "24 schools", null,
                "cluster-randomised", List.of());
        Grading crossover = new Grading(EvidenceLevel.MODERATE, StudyType.CROSSOVER_TRIAL, "16 cyclists", 16,
                "randomized crossover", List.of());
        assertTrue(answerRandomized(cluster).startsWith("Yes."), answerRandomized(cluster));
        assertTrue(answerRandomized(crossover).startsWith("Yes."), answerRandomized(crossover));
    }

    @Test
    void aCohortIsNoRandomizedTrial() {
        Grading cohort = new Grading(EvidenceLevel.LOW, StudyType.PROSPECTIVE_COHORT, "785 adults", 785,
                "prospective cohort", List.of());
        String answer = answerRandomized(cohort);
        assertTrue(answer.startsWith("No. No randomized controlled trials are cited"), answer);
        assertTrue(answer.contains("[1]"), "the human evidence there is, is cited: " + answer);
    }
}
