package dev.evidencebot.evidence;

import dev.evidencebot.evidence.Population.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads both sides of a citation together. Each side may say who was studied and which design;
 * what one side leaves out the other may state (the more specific reading wins), and where both
 * state something different the weaker reading wins and the disagreement becomes a warning.
 */
final class ReadingCombiner {

    static final String CANNOT_BE_TOLD = "a source whose design cannot be told from the entry";

    /**
     * @param claim the claim sentence's reading, or null when grading a reference no sentence cites
     * @param entry the reference entry's reading
     */
    Grading combine(Reading claim, Reading entry) {
        List<Caution> warnings = new ArrayList<>();
        String sides = (claim == null ? "" : "claim: " + claim.quoted() + "; ") + "reference: " + entry.quoted();
        if (entry.statesNothing() && (claim == null || !claim.describesStudy() || claim.statesNothing())) {
            // an effect "in patients" is what the article asserts, not what the source did
            if (claim != null && !claim.statesNothing()) {
                warnings.add(new Caution("The article speaks of " + claimWords(claim)
                        + ", but the reference does not say what kind of study this was.",
                        "the claim speaks of " + claimWords(claim) + " but the reference entry states no "
                        + (claim.population() == null ? "design" : kindStudy(claim.population().kind()))
                        + "; graded as " + CANNOT_BE_TOLD));
            }
            return grading(StudyType.NARRATIVE_REVIEW, null, sides + " -> " + CANNOT_BE_TOLD, warnings);
        }
        Population population = population(claim, entry, warnings);
        StudyType design = design(claim, entry, warnings);
        StudyType type = classify(population, design);
        return grading(type, population, sides + " -> " + conclusion(type, population, design), warnings);
    }

    private static Population population(Reading claim, Reading entry, List<Caution> warnings) {
        Population said = claim == null ? null : claim.population();
        Population stated = entry.population();
        if (said == null || stated == null) {
            return said == null ? stated : said;
        }
        if (said.kind().compatibleWith(stated.kind())) {
            return Population.moreSpecific(stated, said);
        }
        Population weaker = said.kind().ordinal() < stated.kind().ordinal() ? said : stated;
        warnings.add(new Caution("The article speaks of " + said.phrase() + ", but the reference describes "
                + stated.phrase() + "." + Caution.WEAKER,
                "the claim speaks of " + said.phrase() + " but the reference entry of " + stated.phrase()
                + "; graded on the weaker reading (" + weaker.kind().words() + ")"));
        return weaker;
    }

    private static StudyType design(Reading claim, Reading entry, List<Caution> warnings) {
        StudyType said = claim == null ? null : claim.design();
        StudyType stated = entry.design();
        if (said == null || stated == null || said == stated) {
            return said == null ? stated : said;
        }
        StudyType refined = refinement(said, claim.designWords(), stated, entry.designWords());
        if (refined != null) {
            return refined;
        }
        // StudyType is declared strongest first, so the later constant is the weaker design
        StudyType weaker = said.ordinal() > stated.ordinal() ? said : stated;
        warnings.add(new Caution("The article calls the study " + String.join(", ", claim.designWords())
                + ", but the reference says " + String.join(", ", entry.designWords()) + "." + Caution.WEAKER,
                "the claim says " + String.join(", ", claim.designWords()) + " but the reference entry says "
                + String.join(", ", entry.designWords()) + "; graded on the weaker reading (" + weaker.words() + ")"));
        return weaker;
    }

    /**
     * Two designs that do not contradict, one only saying more: "randomized" refines "placebo-controlled"
     * or "double-blind" (a randomized trial is a controlled one), and a meta-analysis refines a
     * systematic review. Not when the controlled side says it was not randomized, or names a cohort
     * or case-control design. Returns the more specific design, or null when the two disagree.
     */
    private static StudyType refinement(StudyType a, List<String> aWords, StudyType b, List<String> bWords) {
        if (pair(a, b, StudyType.RCT, StudyType.CONTROLLED_STUDY)) {
            List<String> controlledWords = a == StudyType.CONTROLLED_STUDY ? aWords : bWords;
            boolean notRandomized = controlledWords.stream().map(String::toLowerCase)
                    .anyMatch(word -> word.contains("non") || word.contains("cohort") || word.contains("case-control"));
            return notRandomized ? null : StudyType.RCT;
        }
        if (pair(a, b, StudyType.META_ANALYSIS, StudyType.SYSTEMATIC_REVIEW)) {
            return StudyType.META_ANALYSIS;
        }
        return specificOf(a, b);
    }

    /**
     * A named design and the general family it belongs to ("cluster-randomized" and "randomized",
     * "prospective cohort" and "observational", "case series" and "no control group"): the named one
     * only says more. Null when neither belongs to the other.
     */
    private static StudyType specificOf(StudyType a, StudyType b) {
        if (belongsTo(a, b)) {
            return a;
        }
        return belongsTo(b, a) ? b : null;
    }

    private static boolean belongsTo(StudyType specific, StudyType general) {
        return switch (specific) {
            case CLUSTER_RCT, CROSSOVER_TRIAL -> general == StudyType.RCT;
            case PROSPECTIVE_COHORT, RETROSPECTIVE_COHORT, CASE_CONTROL, CROSS_SECTIONAL -> general == StudyType.OBSERVATIONAL;
            case CASE_SERIES -> general == StudyType.HUMAN_UNCONTROLLED;
            case UMBRELLA_REVIEW -> general == StudyType.SYSTEMATIC_REVIEW || general == StudyType.META_ANALYSIS;
            default -> false;
        };
    }

    private static boolean pair(StudyType a, StudyType b, StudyType first, StudyType second) {
        return (a == first && b == second) || (a == second && b == first);
    }

    /** Population beats design: whatever the design, animal and cell work stays preclinical. */
    static StudyType classify(Population population, StudyType design) {
        Kind kind = population == null ? null : population.kind();
        if (design != null && design.level() == EvidenceLevel.OPINION) {
            return design; // a review, guideline, editorial or protocol of rat work is still no study of rats: never round up
        }
        if (kind == Kind.CELLS) {
            return StudyType.IN_VITRO;
        }
        if (kind == Kind.ANIMAL || kind == Kind.NON_HUMAN) {
            return StudyType.ANIMAL;
        }
        if (design != null) {
            return design;
        }
        return kind == Kind.HUMAN ? StudyType.HUMAN_UNCONTROLLED : StudyType.NARRATIVE_REVIEW;
    }

    static String conclusion(StudyType type, Population population, StudyType design) {
        String beats = design != null && design != type && design.level().strongerThan(type.level())
                ? "; population beats design (" + design.words() + ")" : "";
        return switch (type) {
            case ANIMAL -> "animals (" + population.phrase() + ")" + beats;
            case IN_VITRO -> "cells or tissue outside a living organism (" + population.phrase() + ")" + beats;
            case HUMAN_UNCONTROLLED -> design == null
                    ? (population.phrase().startsWith("humans (fMRI") || population.phrase().startsWith("humans (EEG")
                    ? "imaging study in people, no control group stated" : "humans, no control group stated")
                    : type.words() + ", no control group stated";
            case NARRATIVE_REVIEW -> design == StudyType.NARRATIVE_REVIEW ? "narrative review or opinion" : CANNOT_BE_TOLD;
            case GUIDELINE, EDITORIAL -> type.words() + ", opinion rather than a study";
            case STUDY_PROTOCOL -> "study protocol, which reports no results";
            case IN_SILICO -> "computation only, no living subject";
            default -> type.words() + (population == null ? "" : " in " + population.kind().words());
        };
    }

    private static String claimWords(Reading claim) {
        if (claim.population() != null) {
            return claim.population().phrase();
        }
        return String.join(", ", claim.designWords());
    }

    private static String kindStudy(Kind kind) {
        return switch (kind) {
            case HUMAN -> "human study";
            case ANIMAL, NON_HUMAN -> "animal study";
            case CELLS -> "cell or tissue study";
        };
    }

    private static Grading grading(StudyType type, Population population, String rationale, List<Caution> warnings) {
        return Caution.attach(new Grading(type.level(), type,
                population == null ? null : population.phrase(),
                population == null ? null : population.sampleSize(),
                rationale, List.of()), warnings);
    }
}
