package dev.evidencebot.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.corpus.Passage.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON Lines documents are primary sources: titled, labels cut out, each sentence given its role, metadata kept. */
class JsonLinesPrimarySourceTest {

    @TempDir
    Path directory;

    private Article read(Map<String, Object> document) throws IOException {
        Files.writeString(directory.resolve("abstracts.jsonl"), new ObjectMapper().writeValueAsString(document) + "\n");
        Corpus corpus = new CorpusReader().read(directory);
        assertEquals(List.of(), corpus.problems());
        return corpus.articles().get(0);
    }

    private static Map<String, Object> document(String id, String title, String text) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("_id", id);
        document.put("title", title);
        document.put("text", text);
        return document;
    }

    private static Passage passage(Article article, String startsWith) {
        return article.passages().stream().filter(p -> p.text().startsWith(startsWith)).findFirst()
                .orElseThrow(() -> new AssertionError("no passage starts with \"" + startsWith + "\" in " + article.passages()));
    }

    @Test
    void anUntitledAbstract_isTitledByItsFirstSentence_shortenedAtAWord() throws IOException {
        // given a PubMedQA-style document with an empty title and a long first sentence
        String first = "Shift work that includes night hours has been linked to poorer glucose control in nurses,"
                + " although the size of the effect across different rota patterns and age groups remains unclear.";
        // when
        Article article = read(document("31", "", first + " We enrolled 412 nurses."));
        // then
        assertTrue(article.title().startsWith("Shift work that includes night hours"), article.title());
        assertTrue(article.title().endsWith("…"), article.title());
        assertTrue(article.title().length() <= PrimarySources.TITLE_LENGTH, article.title());
        assertTrue(first.startsWith(article.title().substring(0, article.title().length() - 1)),
                "cut at a word boundary: " + article.title());
        assertEquals(article.title(), article.sections().get(0).heading());
    }

    @Test
    void aShortFirstSentence_isTheWholeTitle_withoutItsFullStop() throws IOException {
        Article article = read(document("32", "", "Beekeepers are stung often. We surveyed 90 of them."));

        assertEquals("Beekeepers are stung often", article.title());
    }

    @Test
    void structuredAbstractLabels_setTheRole_andStayOutOfTheText() throws IOException {
        // given a SciFact-style abstract with upper-case labels inline
        Article article = read(document("41", "Hydroxyethyl starch and kidney function after cardiac surgery",
                "BACKGROUND Fluid resuscitation with starch solutions is common in cardiac surgery. "
                        + "OBJECTIVES To examine the effects of HES on kidney function after bypass surgery. "
                        + "METHODS We randomly assigned 240 adults to HES or saline. "
                        + "RESULTS Acute kidney injury occurred in 21% of the HES group and 12% of the saline group. "
                        + "CONCLUSIONS HES increased the risk of kidney injury."));
        // then
        assertEquals(List.of("Fluid resuscitation with starch solutions is common in cardiac surgery.",
                        "To examine the effects of HES on kidney function after bypass surgery.",
                        "We randomly assigned 240 adults to HES or saline.",
                        "Acute kidney injury occurred in 21% of the HES group and 12% of the saline group.",
                        "HES increased the risk of kidney injury."),
                article.passages().stream().map(Passage::text).toList());
        assertEquals(List.of(Role.BACKGROUND, Role.AIM, Role.METHOD, Role.FINDING, Role.FINDING),
                article.passages().stream().map(Passage::role).toList());
        assertFalse(article.sections().get(0).paragraphs().stream().anyMatch(p -> p.contains("OBJECTIVES")),
                "labels are not part of the section text either");
    }

    @Test
    void labelsWithColons_andLabelsOnTheirOwnParagraph_areRecognisedToo() throws IOException {
        Article article = read(document("42", "Night-time cooling and sleep in older adults",
                "Background: Bedroom heat disturbs sleep in older adults.\n\nMETHODS\n\n"
                        + "Thirty residents slept with and without a cooling mattress.\n\nResults: Sleep efficiency rose by 6%.\n"
                        + "Main outcome measures: actigraphy-based sleep efficiency."));

        assertEquals(List.of("Bedroom heat disturbs sleep in older adults.",
                        "Thirty residents slept with and without a cooling mattress.",
                        "Sleep efficiency rose by 6%.", "actigraphy-based sleep efficiency."),
                article.passages().stream().map(Passage::text).toList());
        assertEquals(List.of(Role.BACKGROUND, Role.METHOD, Role.FINDING, Role.METHOD),
                article.passages().stream().map(Passage::role).toList());
    }

    @Test
    void aLowerCaseWordThatLooksLikeALabel_staysText() throws IOException {
        Article article = read(document("43", "Traffic noise and blood pressure",
                "Background noise from road traffic raises blood pressure at night. We measured it in 200 homes."));

        assertEquals("Background noise from road traffic raises blood pressure at night.", article.passages().get(0).text());
    }

    @Test
    void withoutLabels_aimsAndMethodsAreNeverCitable_findingsAre() throws IOException {
        // given an unstructured abstract
        Article article = read(document("51", "Green tea catechins and exercise recovery",
                "Muscle soreness after eccentric exercise limits training in recreational athletes. "
                        + "Catechins have been proposed to reduce oxidative damage. "
                        + "Therefore, we aimed to study whether green tea extract shortens recovery. "
                        + "Forty-two men were randomly assigned to extract or placebo for two weeks. "
                        + "Creatine kinase was measured before and 48 hours after a downhill run. "
                        + "Soreness scores were 30% lower with the extract (p < 0.01). "
                        + "In conclusion, green tea extract speeds recovery from eccentric exercise."));
        // then
        assertEquals(Role.BACKGROUND, passage(article, "Muscle soreness").role());
        assertEquals(Role.BACKGROUND, passage(article, "Catechins").role());
        assertEquals(Role.AIM, passage(article, "Therefore, we aimed").role());
        assertEquals(Role.METHOD, passage(article, "Forty-two men").role());
        assertEquals(Role.METHOD, passage(article, "Creatine kinase").role());
        assertEquals(Role.FINDING, passage(article, "Soreness scores").role());
        assertEquals(Role.FINDING, passage(article, "In conclusion").role());
        assertEquals(List.of("Soreness scores were 30% lower with the extract (p < 0.01).",
                        "In conclusion, green tea extract speeds recovery from eccentric exercise."),
                article.passages().stream().filter(Passage::citable).map(Passage::text).toList());
    }

    @Test
    void anObjectiveSentence_isNeverAFinding_evenWithResultWords() throws IOException {
        Article article = read(document("52", "Salt intake in schoolchildren",
                "The aim of this study was to assess whether reduced salt in school meals lowered blood pressure. "
                        + "A total of 600 children were included. "
                        + "Systolic pressure decreased by 2 mmHg."));

        assertEquals(List.of(Role.AIM, Role.METHOD, Role.FINDING), article.passages().stream().map(Passage::role).toList());
    }

    @Test
    void anAbstractWithoutAimOrMethod_endsOnAFinding_andResultWordsAreFindings() throws IOException {
        Article article = read(document("53", "Glacier retreat and river sediment",
                "Alpine glaciers feed many rivers. Sediment loads increased by 40% over two decades. "
                        + "Retreating ice is the main source."));

        assertEquals(List.of(Role.BACKGROUND, Role.FINDING, Role.FINDING),
                article.passages().stream().map(Passage::role).toList());
    }

    @Test
    void pubMedMetadata_becomesTheArticlesRecord_withItsYear() throws IOException {
        Map<String, Object> document = document("61", "", "We report the case of a man with scurvy after a strict diet.");
        document.put("metadata", Map.of("labels", List.of("CASE"), "meshes", List.of("Adult", "Humans", "Male"),
                "pubtypes", List.of("Case Reports"), "year", "2011"));

        Article article = read(document);

        assertEquals(List.of("Adult", "Humans", "Male"), article.record().meshHeadings());
        assertEquals(List.of("Case Reports"), article.record().publicationTypes());
        assertEquals(2011, article.year());
        assertTrue(article.primarySource());
    }

    @Test
    void markdownArticles_keepEveryPassageAClaim() throws IOException {
        Files.writeString(directory.resolve("note.md"), "# Coffee\n\nWe aimed to drink less coffee. Methods: none.\n");

        Article article = new CorpusReader().read(directory).articles().get(0);

        assertFalse(article.primarySource());
        assertTrue(article.passages().stream().allMatch(p -> p.role() == Role.CLAIM), article.passages().toString());
        assertEquals(StudyRecord.NONE, article.record());
    }
}
