package dev.evidencebot.answer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationMemoryTest {

    @Test
    void keepsOnlyTheLastTurnsAndBoundsTheirSize() {
        ConversationMemory memory = new LocalConversationMemory(2, 100, Duration.ofMinutes(5));

        memory.remember("c", new Turn("q1", "q1", "a1", List.of()));
        memory.remember("c", new Turn("q2", "q2", "a2", List.of()));
        memory.remember("c", new Turn("q3", "q3", "x".repeat(10_000), List.of("p")));

        List<Turn> turns = memory.recent("c");
        assertEquals(List.of("q2", "q3"), turns.stream().map(Turn::question).toList());
        assertTrue(turns.get(1).answer().length() <= 2000);
        assertEquals(List.of(), memory.recent("other"));
    }

    @Test
    void followUpsLeanOnThePreviousQueryOnlyWhenTheyNeedIt() {
        List<Turn> history = List.of(new Turn("What did the fMRI study find?", "What did the fMRI study find?", "...", List.of()));

        assertEquals("What did the fMRI study find? Was that in humans?", FollowUpQueries.standalone("Was that in humans?", history));
        assertEquals("Does Semax reduce anxiety in adolescent rats?",
                FollowUpQueries.standalone("Does Semax reduce anxiety in adolescent rats?", history));
        assertEquals("Was that in humans?", FollowUpQueries.standalone("Was that in humans?", List.of()));
    }
}
