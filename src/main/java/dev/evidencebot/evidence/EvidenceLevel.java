package dev.evidencebot.evidence;

/**
 * The evidence scale, strongest first (declaration order is the order of strength). The words are
 * what answers say; the constant names are what JSON carries.
 */
public enum EvidenceLevel {
    HIGH("high"),
    MODERATE("moderate"),
    LOW("low"),
    VERY_LOW("very low"),
    PRECLINICAL("preclinical"),
    OPINION("opinion"),
    UNCITED("uncited");

    private final String words;

    EvidenceLevel(String words) {
        this.words = words;
    }

    /** The level in plain words, as an answer's "Evidence level:" line writes it. */
    public String words() {
        return words;
    }

    public boolean strongerThan(EvidenceLevel other) {
        return ordinal() < other.ordinal();
    }

    /** The stronger of the two; the scale's rule for an answer's overall level. */
    public static EvidenceLevel strongest(EvidenceLevel a, EvidenceLevel b) {
        return a.strongerThan(b) ? a : b;
    }
}
