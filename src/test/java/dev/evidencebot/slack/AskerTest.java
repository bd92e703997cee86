package dev.evidencebot.slack;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AskerTest {

    private final Asker alice = new Asker("T0001", "U0ALICE", "C0GENERAL");

    @Test
    void theAskerMatchesOnlyThemselvesWhereTheyAsked() {
        assertTrue(alice.is("U0ALICE", "C0GENERAL"));
        assertFalse(alice.is("U0MALLORY", "C0GENERAL"), "someone else");
        assertFalse(alice.is("U0ALICE", "C0RANDOM"), "another channel");
        assertFalse(alice.is(null, "C0GENERAL"));
        assertFalse(alice.is("U0ALICE", null));
    }

    @Test
    void anAskerNotKnownInFullMatchesNobody() {
        assertFalse(new Asker("T0001", null, "C0GENERAL").is(null, "C0GENERAL"));
        assertFalse(new Asker("T0001", "U0ALICE", null).is("U0ALICE", null));
    }
}
