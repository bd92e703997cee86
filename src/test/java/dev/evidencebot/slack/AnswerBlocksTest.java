package dev.evidencebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.Citation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerBlocksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAnswerTooLongForFiftyBlocksStaysWithinSlackLimitsAndSaysWhatWasLeftOut() throws Exception {
        String sentence = "A finding from one of the studies, stated with its source [1]. ";
        String huge = sentence.repeat(4000);
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            citations.add(i % 2 == 0 ? Answers.animalStudy() : Answers.humanStudy());
        }
        Answer answer = new Answer("huge", null, huge, false, null, citations, "extractive", null);

        JsonNode message = render(AnswerBlocks.ephemeral(new AskedAnswer("everything?", answer)));

        JsonNode blocks = message.get("blocks");
        assertTrue(blocks.size() <= AnswerBlocks.MAX_BLOCKS, "blocks: " + blocks.size());
        for (JsonNode block : blocks) {
            if (block.has("text")) {
                String text = block.at("/text/text").asText();
                assertTrue(!text.isBlank() && text.length() <= SectionSplitter.SECTION_TEXT_LIMIT, block.toString());
            }
        }
        String lastAnswerSection = "";
        for (JsonNode block : blocks) {
            if (block.path("block_id").asText().startsWith(AnswerBlocks.ANSWER_BLOCK)) {
                lastAnswerSection = block.at("/text/text").asText();
            }
        }
        assertTrue(lastAnswerSection.contains("more characters of this answer do not fit"), lastAnswerSection);
        assertEquals("actions", blocks.get(blocks.size() - 1).get("block_id").asText(), "the buttons are never dropped");
    }

    @Test
    void anAbstentionSaysPlainlyThatNoSourceAnswersWithoutTheScalesJargon() throws Exception {
        Answer answer = new Answer("a1", null, "The articles do not cover this question.\n"
                + "Evidence level: none — no source in the articles answers this question", true,
                new dev.evidencebot.answer.EvidenceSummary(dev.evidencebot.evidence.EvidenceLevel.UNCITED,
                        "no source in the articles answers this question"), List.of(), "extractive", null);

        JsonNode message = render(AnswerBlocks.ephemeral(new AskedAnswer("Do you ship to Canada?", answer)));

        String evidence = "";
        for (JsonNode block : message.get("blocks")) {
            if (block.path("block_id").asText().equals(AnswerBlocks.EVIDENCE_BLOCK)) {
                evidence = block.toString();
            }
        }
        assertTrue(evidence.contains("no source in the articles answers this question"), evidence);
        assertFalse(evidence.toLowerCase().contains("uncited"), evidence);
    }

    @Test
    void anAnswerWithoutAnIdHasNoButtons() throws Exception {
        Answer answer = new Answer(null, null, "Text [1].", false, null, List.of(Answers.animalStudy()), "extractive", null);

        JsonNode message = render(AnswerBlocks.ephemeral(new AskedAnswer("q", answer)));

        for (JsonNode block : message.get("blocks")) {
            assertFalse("actions".equals(block.get("type").asText()), message.toString());
        }
    }

    @Test
    void withoutAnEvidenceSummaryTheAnswersOwnEvidenceLineIsShown() throws Exception {
        Answer answer = new Answer("e", null, "Text [1].\nEvidence level: low — one **controlled** study", false, null,
                List.of(Answers.animalStudy()), "extractive", null);

        JsonNode message = render(AnswerBlocks.ephemeral(new AskedAnswer("q", answer)));

        assertEquals("Text [1].", message.at("/blocks/1/text/text").asText());
        boolean found = false;
        for (JsonNode block : message.get("blocks")) {
            if (AnswerBlocks.EVIDENCE_BLOCK.equals(block.path("block_id").asText())) {
                assertEquals("Evidence level: low — one *controlled* study", block.at("/elements/0/text").asText());
                found = true;
            }
        }
        assertTrue(found, message.toString());
    }

    @Test
    void theAnswerSectionsLeaveOutThePlainTextSourcesListWhichTheSourcesBlockShows() throws Exception {
        Answer answer = Answers.cited("s", "Semax improved learning in rats [1].\n\nPatients recovered faster [2].");

        JsonNode message = render(AnswerBlocks.ephemeral(new AskedAnswer("q", answer)));

        StringBuilder answerText = new StringBuilder();
        String sources = "";
        for (JsonNode block : message.get("blocks")) {
            String id = block.path("block_id").asText();
            if (id.startsWith(AnswerBlocks.ANSWER_BLOCK)) {
                answerText.append(block.at("/text/text").asText());
            } else if (id.startsWith(AnswerBlocks.SOURCES_BLOCK)) {
                sources += block.at("/text/text").asText();
            }
        }
        assertEquals("Semax improved learning in rats [1].\n\nPatients recovered faster [2].", answerText.toString());
        assertFalse(answerText.toString().contains("Sources:"), answerText.toString());
        assertFalse(answerText.toString().contains("https://"), answerText.toString());
        assertTrue(sources.startsWith("*Sources*"), sources);
        assertTrue(sources.contains("<https://pubmed.ncbi.nlm.nih.gov/1234567/|"), sources);
    }

    private static JsonNode render(Object message) throws Exception {
        return JSON.readTree(GsonFactory.createSnakeCase().toJson(message));
    }
}
