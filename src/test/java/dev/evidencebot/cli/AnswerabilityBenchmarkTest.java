package dev.evidencebot.cli;

import dev.evidencebot.cli.BeirData.Query;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerabilityBenchmarkTest {

    @Test
    void questionsSharingADocumentLandInTheSameHalf() {
        // given claims that share abstracts in a chain (a-b share d1, b-c share d2) and others on their own
        List<Query> queries = List.of(
                new Query("a", "claim a", Set.of("d1")),
                new Query("b", "claim b", Set.of("d1", "d2")),
                new Query("c", "claim c", Set.of("d2")),
                new Query("d", "claim d", Set.of("d3")),
                new Query("e", "claim e", Set.of("d4")),
                new Query("f", "claim f", Set.of("d5")));
        List<Query> present = new ArrayList<>();
        List<Query> withheld = new ArrayList<>();

        AnswerabilityBenchmark.halves(queries, present, withheld);

        assertEquals(6, present.size() + withheld.size());
        boolean chainTogether = present.stream().map(Query::id).toList().containsAll(List.of("a", "b", "c"))
                || withheld.stream().map(Query::id).toList().containsAll(List.of("a", "b", "c"));
        assertTrue(chainTogether, "withholding one claim's abstract must never remove another present claim's answer");
        assertEquals(3, present.size(), "groups are dealt to the smaller half");
        for (Query kept : present) {
            for (Query gone : withheld) {
                assertTrue(kept.relevant().stream().noneMatch(gone.relevant()::contains));
            }
        }
    }

    @Test
    void theBeirJudgmentsAreReadWithTheirQueries(@org.junit.jupiter.api.io.TempDir java.nio.file.Path beir) throws Exception {
        java.nio.file.Files.createDirectories(beir.resolve("qrels"));
        java.nio.file.Files.writeString(beir.resolve("queries.jsonl"),
                "{\"_id\": \"1\", \"text\": \"Does coffee help?\"}\n{\"_id\": \"2\", \"text\": \"Unjudged\"}\n");
        java.nio.file.Files.writeString(beir.resolve("qrels/dev.tsv"), "query-id\tcorpus-id\tscore\n1\td9\t1\n1\td8\t0\n");
        assertEquals("dev", BeirData.defaultSplit(beir));
        List<Query> queries = BeirData.queries(beir, "dev");
        assertEquals(List.of(new Query("1", "Does coffee help?", Set.of("d9"))), queries);
    }
}
