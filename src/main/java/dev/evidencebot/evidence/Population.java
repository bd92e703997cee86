package dev.evidencebot.evidence;

/**
 * Who or what one text says was studied.
 *
 * @param kind       humans, animals, cells, or "preclinical" without saying which
 * @param phrase     the words as the text has them ("30 stroke patients", "white rats")
 * @param sampleSize the count the text states, else null
 * @param generic    true when the phrase only names the kind ("rodents", "humans (fMRI)"),
 *                   so a more specific phrase from the other side of the citation should win
 */
record Population(Kind kind, String phrase, Integer sampleSize, boolean generic) {

    /** Kinds of population, weakest evidence first. */
    enum Kind {
        CELLS("cells or tissue outside a living organism"),
        ANIMAL("animals"),
        NON_HUMAN("preclinical work, species not stated"),
        HUMAN("humans");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }

        /** Whether the two kinds can describe the same study ("preclinical" fits rats and cells alike). */
        boolean compatibleWith(Kind other) {
            if (this == other) {
                return true;
            }
            return (this == NON_HUMAN && other != HUMAN) || (other == NON_HUMAN && this != HUMAN);
        }
    }

    /** Of two readings of the same study, the one that says more. */
    static Population moreSpecific(Population a, Population b) {
        if ((a.sampleSize == null) != (b.sampleSize == null)) {
            return a.sampleSize != null ? a : b;
        }
        if (a.generic != b.generic) {
            return a.generic ? b : a;
        }
        if (a.kind == Kind.NON_HUMAN && b.kind != Kind.NON_HUMAN) {
            return b;
        }
        return a.phrase.length() >= b.phrase.length() ? a : b;
    }
}
