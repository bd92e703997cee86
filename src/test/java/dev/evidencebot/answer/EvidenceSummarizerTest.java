package dev.evidencebot.answer;

import dev.evidencebot.evidence.EvidenceLevel;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.evidence.StudyType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EvidenceSummarizerTest {

    private final EvidenceSummarizer summarizer = new EvidenceSummarizer();

    @Test
    void theLevelIsTheStrongestCitedAndTheSummarySaysWhatIsMissing() {
        List<Source> sources = graded(
                new Grading(EvidenceLevel.VERY_LOW, StudyType.HUMAN_UNCONTROLLED, "30 stroke patients", 30, "r", List.of()),
                new Grading(EvidenceLevel.PRECLINICAL, StudyType.ANIMAL, "rats", null, "r", List.of()),
                new Grading(EvidenceLevel.PRECLINICAL, StudyType.ANIMAL, "mice", null, "r", List.of()));

        EvidenceSummary summary = summarizer.summarize(sources);

        assertEquals(EvidenceLevel.VERY_LOW, summary.level());
        assertEquals("one uncontrolled human study (30 stroke patients) and two animal studies; no randomized trials are cited",
                summary.summary());
        assertEquals("Evidence level: very low — one uncontrolled human study (30 stroke patients) and two animal studies; "
                + "no randomized trials are cited", EvidenceSummarizer.line(summary));
    }

    @Test
    void animalEvidenceAloneSaysNoHumanStudiesAndCountsWarnings() {
        List<Source> sources = graded(new Grading(EvidenceLevel.PRECLINICAL, StudyType.ANIMAL, "rats", null, "r",
                List.of("the citation may not support the claim")));

        EvidenceSummary summary = summarizer.summarize(sources);

        assertEquals(EvidenceLevel.PRECLINICAL, summary.level());
        assertEquals("one animal study (rats); no randomized trials are cited; no human studies are cited; "
                + "one source carries a warning", summary.summary());
    }

    @Test
    void aRandomizedTrialIsModerateAndNothingIsSaidMissing() {
        List<Source> sources = graded(new Grading(EvidenceLevel.MODERATE, StudyType.RCT, "120 adults", 120, "r", List.of()));

        assertEquals(new EvidenceSummary(EvidenceLevel.MODERATE, "one randomized controlled trial (120 adults)"),
                summarizer.summarize(sources));
    }

    @Test
    void nothingCitedIsUncited() {
        assertEquals(EvidenceLevel.UNCITED, summarizer.summarize(List.of()).level());
    }

    private static List<Source> graded(Grading... gradings) {
        List<Source> base = GroundedSentencesNumberingTest.sources(gradings.length);
        List<Source> sources = new java.util.ArrayList<>();
        for (int i = 0; i < gradings.length; i++) {
            Source source = base.get(i);
            sources.add(new Source(source.number(), source.retrieved(), source.reference(), gradings[i]));
        }
        return sources;
    }
}
