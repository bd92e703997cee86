package dev.evidencebot.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/ask over the seed article, through a real HTTP connection. */
@MicronautTest
class AskControllerTest {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    @Inject
    EmbeddedServer server;

    @Test
    void aQuestionOnAnxietyCitesOnlyAnimalStudiesAndSaysPreclinical() throws Exception {
        JsonNode answer = HttpJson.ask(server.getURL(), "Does Semax reduce anxiety?", null);

        assertFalse(answer.get("abstained").asBoolean());
        assertTrue(answer.get("citations").size() > 0);
        for (JsonNode citation : answer.get("citations")) {
            assertEquals("ANIMAL", citation.at("/evidence/studyType").asText(), citation.toString());
            assertEquals("PRECLINICAL", citation.at("/evidence/level").asText());
        }
        assertEquals("PRECLINICAL", answer.at("/evidence/level").asText());
        assertTrue(answer.get("answer").asText().contains("Evidence level: preclinical"), answer.get("answer").asText());
        assertTrue(lastLine(answer).startsWith("Evidence level: preclinical — "), lastLine(answer));
    }

    @Test
    void aQuestionOnTheStrokeStudyCitesTheThirtyPatientStudyAtVeryLow() throws Exception {
        JsonNode answer = HttpJson.ask(server.getURL(), "What happened in the stroke study?", null);

        JsonNode citation = answer.get("citations").get(0);
        assertEquals(5, citation.at("/reference/number").asInt());
        assertEquals("11517472", citation.at("/reference/pmid").asText());
        assertEquals("https://pubmed.ncbi.nlm.nih.gov/11517472/", citation.at("/reference/url").asText());
        assertEquals("HUMAN_UNCONTROLLED", citation.at("/evidence/studyType").asText());
        assertEquals("VERY_LOW", citation.at("/evidence/level").asText());
        assertEquals("30 stroke patients", citation.at("/evidence/population").asText());
        assertEquals(30, citation.at("/evidence/sampleSize").asInt());
        assertEquals("semax-effects-breakdown", citation.at("/article/id").asText());
        assertTrue(citation.get("passage").asText().startsWith("In a study involving 30 stroke patients"));
        assertEquals("VERY_LOW", answer.at("/evidence/level").asText());
        assertTrue(lastLine(answer).startsWith("Evidence level: very low — "), lastLine(answer));
        assertTrue(answer.at("/evidence/summary").asText().contains("no randomized trials are cited"));
    }

    @Test
    void aQuestionTheArticlesDoNotCoverAbstainsWithNoCitations() throws Exception {
        JsonNode answer = HttpJson.ask(server.getURL(), "Does Semax cure cancer?", null);

        assertTrue(answer.get("abstained").asBoolean());
        assertEquals(0, answer.get("citations").size());
        assertTrue(answer.get("answer").asText().contains("do not answer this question"));
        assertTrue(answer.get("answer").asText().contains("They cover"), "says what the articles do cover");
        assertFalse(MARKER.matcher(answer.get("answer").asText()).find(), "no markers in an abstention");
        // in lay words: no jargon level, the API's fields unchanged for programs
        assertEquals("Evidence level: none — no source in the articles answers this question", lastLine(answer));
        assertFalse(answer.get("answer").asText().contains("uncited"), answer.get("answer").asText());
        assertEquals("UNCITED", answer.at("/evidence/level").asText());
    }

    @Test
    void aCautionOnASourceIsWrittenForAVisitor_theGradersWordsStayInTheRationale() throws Exception {
        JsonNode answer = HttpJson.ask(server.getURL(), "Does Semax increase dopamine?", null);

        JsonNode evidence = answer.at("/citations/0/evidence");
        assertEquals("The cited study's title is about other things (peptide, expression, genes, immune, vascular, systems),"
                + " so it may not back this sentence.", evidence.at("/warnings/0").asText(), evidence.toString());
        assertTrue(evidence.get("rationale").asText().contains("warning: the citation may not support the claim"),
                evidence.toString());
        assertTrue(answer.get("answer").asText().contains("Caution on [1]: The cited study's title is about other things"),
                answer.get("answer").asText());
    }

    @Test
    void everyMarkerHasACitationAndEveryCitationAppearsInTheText() throws Exception {
        List<String> questions = List.of("Does Semax reduce anxiety?", "Does Semax improve memory?",
                "Does Semax increase dopamine?", "What did the fMRI study find?", "How fast does NGF expression rise?",
                "When are ACTH levels highest during the day?", "Does Semax cure cancer?");
        for (String question : questions) {
            JsonNode answer = HttpJson.ask(server.getURL(), question, null);
            Set<Integer> inText = new TreeSet<>();
            Matcher matcher = MARKER.matcher(answer.get("answer").asText());
            while (matcher.find()) {
                inText.add(Integer.parseInt(matcher.group(1)));
            }
            Set<Integer> cited = new TreeSet<>();
            answer.get("citations").forEach(citation -> cited.add(citation.get("marker").asInt()));
            assertEquals(cited, inText, question + " -> " + answer.get("answer").asText());
        }
    }

    @Test
    void aFollowUpResolvesThroughTheConversationId() throws Exception {
        JsonNode first = HttpJson.ask(server.getURL(), "What did the fMRI study find?", null);
        String conversationId = first.get("conversationId").asText();

        JsonNode followUp = HttpJson.ask(server.getURL(), "Was that in humans?", conversationId);

        assertEquals(conversationId, followUp.get("conversationId").asText());
        assertFalse(followUp.get("abstained").asBoolean(), followUp.toString());
        List<Integer> references = new ArrayList<>();
        followUp.get("citations").forEach(citation -> references.add(citation.at("/reference/number").asInt()));
        assertEquals(List.of(7), references);
        assertTrue(followUp.get("answer").asText().contains("fMRI"));
    }

    @Test
    void aConversationIdTheServerDidNotIssueStartsANewConversation() throws Exception {
        // a client picks an id, or reuses a guessable one, to read or crowd out another conversation
        JsonNode first = HttpJson.ask(server.getURL(), "What did the fMRI study find?", "my-own-conversation");
        assertNotEquals("my-own-conversation", first.get("conversationId").asText());

        JsonNode followUp = HttpJson.ask(server.getURL(), "Was that in humans?", "my-own-conversation");

        assertNotEquals("my-own-conversation", followUp.get("conversationId").asText());
        assertTrue(followUp.get("abstained").asBoolean(), "no turns were kept under a made-up id: " + followUp);
    }

    @Test
    void aTamperedConversationIdStartsANewConversation() throws Exception {
        String issued = HttpJson.ask(server.getURL(), "What did the fMRI study find?", null).get("conversationId").asText();
        assertTrue(issued.matches("[0-9a-f]{32}-[0-9a-f]{32}"), issued);
        char last = issued.charAt(issued.length() - 1);
        String tampered = issued.substring(0, issued.length() - 1) + (last == '0' ? '1' : '0');

        JsonNode followUp = HttpJson.ask(server.getURL(), "Was that in humans?", tampered);

        assertNotEquals(tampered, followUp.get("conversationId").asText());
        assertTrue(followUp.get("abstained").asBoolean(), followUp.toString());
    }

    @Test
    void theSameFollowUpWithoutAConversationHasNothingToLeanOnAndAbstains() throws Exception {
        JsonNode alone = HttpJson.ask(server.getURL(), "Was that in humans?", null);

        assertTrue(alone.get("abstained").asBoolean(), alone.get("answer").asText());
        assertEquals(0, alone.get("citations").size());
    }

    @Test
    void healthIsUpOnceTheIndexIsReady() throws Exception {
        HttpJson.ask(server.getURL(), "Is Semax a peptide?", null);
        var response = HttpJson.get(server.getURL(), "/health");

        assertEquals(200, response.statusCode());
        JsonNode health = HttpJson.JSON.readTree(response.body());
        assertEquals("UP", health.get("status").asText());
        assertEquals(23, health.get("passages").asInt());
    }

    private static String lastLine(JsonNode answer) {
        String[] lines = answer.get("answer").asText().split("\n");
        return lines[lines.length - 1];
    }
}
