package dev.evidencebot.slack;

import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.Citation;
import dev.evidencebot.answer.EvidenceSummary;
import dev.evidencebot.evidence.EvidenceLevel;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.evidence.StudyType;

import java.util.List;

/** Answers shaped like the pipeline's: [n] markers, numbered citations, a closing evidence line. */
final class Answers {

    static final String EVIDENCE_LINE =
            "Evidence level: very low — one uncontrolled human study and one animal study";

    private Answers() {
    }

    /** The pipeline's own plain-text sources paragraph, which Slack shows as its Sources block instead. */
    static final String SOURCES_PARAGRAPH = "Sources:\n"
            + "[1] Semax & learning in <white> rats (2019) — animal study, white rats: preclinical. https://pubmed.ncbi.nlm.nih.gov/1234567/\n"
            + "[2] Petrov B. Semax after stroke. 2008. (2008) — uncontrolled human study, 30 stroke patients: very low\n"
            + "Caution on [1]: only one laboratory has reported this";

    static Answer cited(String id, String body) {
        return new Answer(id, null, body + "\n\n" + SOURCES_PARAGRAPH + "\n" + EVIDENCE_LINE, false,
                new EvidenceSummary(EvidenceLevel.VERY_LOW, "one uncontrolled human study and one animal study"),
                List.of(animalStudy(), humanStudy()), "extractive", null);
    }

    static Answer abstained(String id) {
        return new Answer(id, null, "The articles I have say nothing about that.", true,
                null, List.of(), "extractive", null);
    }

    static Citation animalStudy() {
        return new Citation(1,
                new Citation.ArticleRef("semax", "Semax effects breakdown", "https://example.org/semax"),
                "Semax improved learning in rats [1].",
                new Citation.ReferenceRef(1, "Ivanov A. Semax & learning. 2019.", "Semax & learning in <white> rats",
                        2019, "https://pubmed.ncbi.nlm.nih.gov/1234567/", "1234567", null),
                new Grading(EvidenceLevel.PRECLINICAL, StudyType.ANIMAL, "white rats", 40,
                        "the text says \"in rats\"", List.of("only one laboratory has reported this")));
    }

    static Citation humanStudy() {
        return new Citation(2,
                new Citation.ArticleRef("semax", "Semax effects breakdown", "https://example.org/semax"),
                "Patients recovered faster [2].",
                new Citation.ReferenceRef(2, "Petrov B. Semax after stroke. 2008.", null, 2008, null, null,
                        "10.1000/semax.2008"),
                new Grading(EvidenceLevel.VERY_LOW, StudyType.HUMAN_UNCONTROLLED, "30 stroke patients", 30,
                        "no control group is mentioned", List.of()));
    }
}
