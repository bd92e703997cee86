package dev.evidencebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        return SentenceSplitter.split(text).stream().map(span -> span.of(text)).collect(Collectors.toList());
    }

    @Test
    void splitsAtFullStopsQuestionAndExclamationMarks() {
        assertEquals(List.of("Semax is a peptide.", "Does it work?", "Some say yes!", "Others doubt it."),
                sentences("Semax is a peptide. Does it work? Some say yes! Others doubt it."));
    }

    @Test
    void doesNotBreakAfterAbbreviationsTitlesOrInitials() {
        String text = "Written by J. Smith, Ph.D., with Dr. Lee et al. in 2020. Some peptides, e.g. Semax, i.e. ACTH"
                + " fragments, differ vs. placebo. Next one.";
        assertEquals(List.of("Written by J. Smith, Ph.D., with Dr. Lee et al. in 2020.",
                "Some peptides, e.g. Semax, i.e. ACTH fragments, differ vs. placebo.", "Next one."), sentences(text));
    }

    @Test
    void doesNotBreakInsideDecimalsOrBeforeLowerCase() {
        assertEquals(List.of("Levels rose 2.5 times within 20 min. of dosing and fell by 0.3 units.", "Then stable."),
                sentences("Levels rose 2.5 times within 20 min. of dosing and fell by 0.3 units. Then stable."));
        assertEquals(List.of("The U.S. trial used 1.5 mg."), sentences("The U.S. trial used 1.5 mg."));
    }

    @Test
    void startsANewSentenceAtAMarkerAfterTheFullStop() {
        // the marker opens the next span; ClaimExtractor moves it back to the sentence it cites
        assertEquals(List.of("From its 4-7 segment.", "(1) ACTH is secreted."),
                sentences("From its 4-7 segment. (1) ACTH is secreted."));
        assertEquals(List.of("From its 4-7 segment.", "(1) ACTH is secreted."),
                sentences("From its 4-7 segment.(1) ACTH is secreted."));
    }

    @Test
    void keepsClosingQuotesWithTheirSentence() {
        assertEquals(List.of("He called it “the spark.”", "It stuck."), sentences("He called it “the spark.” It stuck."));
    }

    @Test
    void trimsAndIgnoresBlankText() {
        assertEquals(List.of("One sentence without a stop"), sentences("  One sentence without a stop  "));
        assertEquals(List.of(), sentences("   "));
    }
}
