package dev.evidencebot.llm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SentenceAssemblerTest {

    private final List<String> sentences = new ArrayList<>();
    private final SentenceAssembler assembler = new SentenceAssembler(sentences::add);

    @Test
    void markersAfterTheFullStopBelongToTheSentenceBefore() {
        feed("Semax reduced anxiety in rats. [2] It raised BDNF.[1][3] Done [4].");
        assertEquals(List.of("Semax reduced anxiety in rats. [2]", "It raised BDNF.[1][3]", "Done [4]."), sentences);
    }

    @Test
    void abbreviationsDecimalsAndInitialsDoNotEndASentence() {
        feed("Levels rose 2.5 times vs. control (Smith et al. 2019), e.g. in the cortex [1]. J. Smith found more [2].");
        assertEquals(List.of("Levels rose 2.5 times vs. control (Smith et al. 2019), e.g. in the cortex [1].",
                "J. Smith found more [2]."), sentences);
    }

    @Test
    void aSentenceIsHandedOverOnlyOnceItsEndIsCertain() {
        // when the text arrives in pieces that split the marker
        assembler.add("Semax reduced anxiety. [");
        List<String> beforeMarker = List.copyOf(sentences);
        assembler.add("2] It");
        List<String> afterMarker = List.copyOf(sentences);
        assembler.add(" raised BDNF [1].");
        assembler.finish();

        // then
        assertEquals(List.of(), beforeMarker);
        assertEquals(List.of("Semax reduced anxiety. [2]"), afterMarker);
        assertEquals(List.of("Semax reduced anxiety. [2]", "It raised BDNF [1]."), sentences);
    }

    @Test
    void blankLinesAreParagraphsAndListSignsAreDropped() {
        feed("First finding [1].\n\n- Second finding [2]\n2. Third finding [3].");
        assertEquals(List.of("First finding [1].", SentenceAssembler.PARAGRAPH, "Second finding [2]", "Third finding [3]."),
                sentences);
    }

    private void feed(String text) {
        for (int i = 0; i < text.length(); i += 3) {
            assembler.add(text.substring(i, Math.min(text.length(), i + 3)));
        }
        assembler.finish();
    }
}
