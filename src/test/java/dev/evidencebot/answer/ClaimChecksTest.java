package dev.evidencebot.answer;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks bite on what a sentence adds, never on a sentence quoted whole from its source. */
class ClaimChecksTest {

    @Test
    void aWholeSentenceQuotedFromItsSourcePassesWhateverItContains() {
        // possessive names, "no." as an abbreviation, hyphenated populations: all word for word
        String cited = "The results showed that the mean scores for cumulative tests (both no. 1 and no. 2) was higher "
                + "in the group that engaged in map construction. Barrett's cytokeratin 7/20 pattern was observed in "
                + "28 out of 36 cases (77.8%). Within 1 year, 78.0% had at least 1 in-person follow-up visit.";
        for (String quote : new String[] {
                "The results showed that the mean scores for cumulative tests (both no. 1 and no. 2) was higher in the group "
                        + "that engaged in map construction.",
                "Barrett's cytokeratin 7/20 pattern was observed in 28 out of 36 cases (77.8%).",
                "Within 1 year, 78.0% had at least 1 in-person follow-up visit."}) {
            assertEquals(Optional.empty(), ClaimChecks.refuse(quote, cited), quote);
        }
    }

    @Test
    void aQuotationCutOutOfANegatedSentenceIsNoQuotation() {
        String cited = "It is not true that semax reduces anxiety in adolescent rats.";

        assertTrue(ClaimChecks.refuse("semax reduces anxiety in adolescent rats.", cited).isPresent());
    }

    @Test
    void aParaphraseMayUseTheSourcesNamesInAnyForm() {
        String cited = "Barrett's oesophagus was found in 28 patients who attended an in-person visit.";

        assertEquals(Optional.empty(), ClaimChecks.refuse("In 28 patients, Barrett oesophagus was found at the visit.", cited));
        assertTrue(ClaimChecks.refuse("In 28 patients, Crohn disease was found at the visit.", cited).isPresent());
    }
}
