package dev.evidencebot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.evidencebot.corpus.CorpusReader;
import dev.evidencebot.evidence.EvidenceGrader;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `corpus` and `corpus --json` over the seed article in the repo's corpus/. */
class CorpusCommandTest {

    @Test
    void theReportCountsPassagesCitationsReferencesAndProblems() {
        String report = run("corpus");

        assertTrue(report.contains("semax-effects-breakdown (semax-effects-breakdown.txt): 23 passages, 11 cited, "
                + "10 references, 1 not cited in the text, 0 problems"), report);
        assertTrue(report.contains("1 articles, 0 problems"), report);
    }

    @Test
    void theReportNamesEachReferenceNeverCited() {
        String report = run("corpus");

        assertTrue(report.contains("\n  not cited: [10] Influence of ACTG4-7-PGP (Semax) on Morphofunctional State of "
                + "Hepatocytes in Chronic Emotional and Painful Stress (2017)\n"), report);
        assertEquals(1, report.split("not cited: ", -1).length - 1, report);
    }

    @Test
    void theJsonHasTheShapeOtherToolsRead() throws Exception {
        JsonNode corpus = new ObjectMapper().readTree(run("corpus", "--json"));

        JsonNode article = corpus.at("/articles/0");
        assertEquals("semax-effects-breakdown", article.get("id").asText());
        assertEquals("Semax's Effects: A Breakdown Of The Research", article.get("title").asText());
        assertTrue(article.get("author").asText().startsWith("Johnathon Anderson, Ph.D."));
        assertEquals("2024-10-07", article.get("date").asText());
        assertTrue(article.get("url").isNull());
        JsonNode passage = article.at("/passages/0");
        for (String field : List.of("id", "section", "text", "markers")) {
            assertTrue(passage.has(field), field);
        }
        assertEquals("What is Semax?", passage.get("section").asText());
        assertEquals(1, passage.at("/markers/0").asInt());
        assertEquals("CLAIM", passage.get("role").asText());
        assertTrue(article.get("evidence").isNull(), "an article that cites studies has no grading of its own");
        JsonNode reference = article.at("/references/0");
        for (String field : List.of("number", "text", "authors", "title", "source", "year", "pmid", "doi", "urls",
                "citedInText", "evidence")) {
            assertTrue(reference.has(field), field);
        }
        assertEquals("10.4236/nm.2013.44035", reference.get("doi").asText());
        assertEquals(2013, reference.get("year").asInt());
        assertTrue(reference.get("pmid").isNull());
        for (String field : List.of("level", "studyType", "population", "sampleSize", "rationale", "warnings")) {
            assertTrue(reference.get("evidence").has(field), field);
        }
        assertEquals("OPINION", reference.at("/evidence/level").asText());
        assertEquals("NARRATIVE_REVIEW", reference.at("/evidence/studyType").asText());
        assertTrue(corpus.get("problems").isArray());
        assertEquals(0, corpus.get("problems").size());
    }

    @Test
    void aPrimarySourceCarriesItsOwnGradingAsTheArticlesEvidence_andItsPassagesTheirRoles(@TempDir Path directory)
            throws Exception {
        // given one PubMed-style abstract, untitled, with MeSH headings
        Files.writeString(directory.resolve("abstracts.jsonl"), "{\"_id\": \"77\", \"title\": \"\", \"text\": "
                + "\"OBJECTIVE To test whether a standing desk lowers back pain. METHODS We randomly assigned 150 office"
                + " workers to standing desks or usual desks. RESULTS Pain scores fell by 20% with standing desks.\","
                + " \"metadata\": {\"meshes\": [\"Adult\", \"Humans\"], \"year\": \"2018\"}}\n");
        // when
        String json = new ObjectMapper().writeValueAsString(CorpusCommand.toJson(
                new EvidenceGrader().grade(new CorpusReader().read(directory), directory)));
        // then
        JsonNode article = new ObjectMapper().readTree(json).at("/articles/0");
        assertEquals("JSON_LINES", article.get("format").asText());
        assertEquals("To test whether a standing desk lowers back pain", article.get("title").asText());
        assertEquals(2018, article.get("year").asInt());
        JsonNode evidence = article.get("evidence");
        for (String field : List.of("level", "studyType", "population", "sampleSize", "rationale", "warnings")) {
            assertTrue(evidence.has(field), field);
        }
        assertEquals("MODERATE", evidence.get("level").asText());
        assertEquals("RCT", evidence.get("studyType").asText());
        assertEquals(150, evidence.get("sampleSize").asInt());
        assertEquals(List.of("AIM", "METHOD", "FINDING"),
                List.of(article.at("/passages/0/role").asText(), article.at("/passages/1/role").asText(),
                        article.at("/passages/2/role").asText()));
        assertEquals("Pain scores fell by 20% with standing desks.", article.at("/passages/2/text").asText());
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
