package dev.evidencebot.evidence;

/** Study designs of EVIDENCE-SCALE.md, each landing on one level. */
public enum StudyType {
    META_ANALYSIS(EvidenceLevel.HIGH, "meta-analysis"),
    SYSTEMATIC_REVIEW(EvidenceLevel.HIGH, "systematic review"),
    RCT(EvidenceLevel.MODERATE, "randomized controlled trial"),
    CONTROLLED_STUDY(EvidenceLevel.LOW, "controlled study"),
    OBSERVATIONAL(EvidenceLevel.LOW, "observational study"),
    HUMAN_UNCONTROLLED(EvidenceLevel.VERY_LOW, "uncontrolled human study"),
    CASE_REPORT(EvidenceLevel.VERY_LOW, "case report"),
    ANIMAL(EvidenceLevel.PRECLINICAL, "animal study"),
    IN_VITRO(EvidenceLevel.PRECLINICAL, "in-vitro study"),
    NARRATIVE_REVIEW(EvidenceLevel.OPINION, "narrative review"),
    NONE(EvidenceLevel.UNCITED, "no citation");

    private final EvidenceLevel level;
    private final String words;

    StudyType(EvidenceLevel level, String words) {
        this.level = level;
        this.words = words;
    }

    public EvidenceLevel level() {
        return level;
    }

    /** The design in plain words, for summaries ("two animal studies"). */
    public String words() {
        return words;
    }
}
