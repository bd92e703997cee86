package dev.evidencebot.evidence;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One assertion for a whole grading: level, design, population, sample size, deciding words, warnings. */
final class GradingAssert {

    private GradingAssert() {
    }

    static void assertGrading(Grading grading, StudyType type, String population, Integer sampleSize,
                              List<String> rationaleWords, List<String> warningWords) {
        String seen = "\n  got: " + grading;
        assertEquals(type.level(), grading.level(), "level" + seen);
        assertEquals(type, grading.studyType(), "study type" + seen);
        assertEquals(population, grading.population(), "population" + seen);
        assertEquals(sampleSize, grading.sampleSize(), "sample size" + seen);
        for (String words : rationaleWords) {
            assertTrue(grading.rationale().contains(words), "rationale lacks \"" + words + "\"" + seen);
        }
        assertEquals(warningWords.size(), grading.warnings().size(), "warnings " + grading.warnings() + seen);
        for (int i = 0; i < warningWords.size(); i++) {
            String expected = warningWords.get(i);
            String actual = grading.warnings().get(i);
            assertTrue(actual.contains(expected), "warning " + i + " \"" + actual + "\" lacks \"" + expected + "\"");
        }
    }
}
