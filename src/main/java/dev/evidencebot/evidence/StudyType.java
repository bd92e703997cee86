package dev.evidencebot.evidence;

/**
 * Study designs of EVIDENCE-SCALE.md, each landing on one level. Declared strongest first: where two
 * readings of one study disagree, the later constant is the weaker design and wins (never round up).
 * The words are singular nouns a summary can pluralise ("two case-series studies", "two editorials").
 */
public enum StudyType {
    /** A review of systematic reviews or meta-analyses. */
    UMBRELLA_REVIEW(EvidenceLevel.HIGH, "umbrella review"),
    META_ANALYSIS(EvidenceLevel.HIGH, "meta-analysis"),
    SYSTEMATIC_REVIEW(EvidenceLevel.HIGH, "systematic review"),
    RCT(EvidenceLevel.MODERATE, "randomized controlled trial"),
    /** Randomized by group (ward, school, village) rather than by person; still a randomized trial. */
    CLUSTER_RCT(EvidenceLevel.MODERATE, "cluster-randomized trial"),
    /** Only when randomization is stated; a crossover without it is a {@link #CONTROLLED_STUDY}. */
    CROSSOVER_TRIAL(EvidenceLevel.MODERATE, "randomized crossover trial"),
    CONTROLLED_STUDY(EvidenceLevel.LOW, "controlled study"),
    PROSPECTIVE_COHORT(EvidenceLevel.LOW, "prospective cohort study"),
    RETROSPECTIVE_COHORT(EvidenceLevel.LOW, "retrospective cohort study"),
    CASE_CONTROL(EvidenceLevel.LOW, "case-control study"),
    CROSS_SECTIONAL(EvidenceLevel.LOW, "cross-sectional study"),
    OBSERVATIONAL(EvidenceLevel.LOW, "observational study"),
    HUMAN_UNCONTROLLED(EvidenceLevel.VERY_LOW, "uncontrolled human study"),
    CASE_SERIES(EvidenceLevel.VERY_LOW, "case-series study"),
    CASE_REPORT(EvidenceLevel.VERY_LOW, "case report"),
    ANIMAL(EvidenceLevel.PRECLINICAL, "animal study"),
    IN_VITRO(EvidenceLevel.PRECLINICAL, "in-vitro study"),
    /** Computation only (docking, simulation): no living subject, so below the scale's human rungs like cells. */
    IN_SILICO(EvidenceLevel.PRECLINICAL, "in-silico study"),
    NARRATIVE_REVIEW(EvidenceLevel.OPINION, "narrative review"),
    /** Practice guideline, position stand, consensus statement: recommendations, not a study. */
    GUIDELINE(EvidenceLevel.OPINION, "guideline"),
    /** Editorial, commentary, letter. */
    EDITORIAL(EvidenceLevel.OPINION, "editorial"),
    /**
     * A protocol describes a study that has not yet reported: it states no results, so nothing it says
     * is evidence for a finding. OPINION is the scale's rung for sources that carry no results of their own.
     */
    STUDY_PROTOCOL(EvidenceLevel.OPINION, "study protocol"),
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
