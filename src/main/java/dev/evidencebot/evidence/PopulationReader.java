package dev.evidencebot.evidence;

import dev.evidencebot.evidence.Population.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads who or what a text says was studied, and how many when it states a number. Only stated
 * words count: "in patients" says humans, never how many; "preclinical" says not humans, never which species.
 */
final class PopulationReader {

    private static final String HUMAN_NOUNS =
            "patients|volunteers|adults|participants|humans|men|women|children|infants|adolescents"
                    + "|people|individuals|outpatients|inpatients|smokers|athletes|students"
                    + "|nurses|workers|employees|soldiers|runners|cyclists|pregnancies|mothers|twins";
    private static final String ANIMAL_NOUNS =
            "rats|rat|mice|mouse|rodents|rodent|murine|animals|dogs|monkeys|primates|macaques|rabbits"
                    + "|pigs|piglets|sheep|hamsters|guinea pigs|zebrafish|drosophila|cats";
    private static final String CELL_NOUNS = "cultured [\\p{L}-]+|cell cultures?|cell lines?|in vitro|cells|organoids";

    /** Adjectives a population phrase may carry without a number ("adolescent white rats", "healthy adults"). */
    private static final String MODIFIERS =
            "healthy|elderly|older|old|young|adult|adolescent|aged|white|male|female|pregnant|neonatal|newborn"
                    + "|diabetic|obese|depressed|wistar|sprague-dawley|c57bl/6|stroke|human";

    private static final Pattern COUNTED = Pattern.compile(
            "(?<![\\p{L}\\d/.-])(\\d[\\d,]*)\\s+(?:[\\p{L}/-]+\\s+){0,2}?(" + HUMAN_NOUNS + "|" + ANIMAL_NOUNS + ")\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HUMAN = named(HUMAN_NOUNS + "|human subjects");
    private static final Pattern ANIMAL = named(ANIMAL_NOUNS);
    private static final Pattern CELLS = Pattern.compile("\\b(?:" + CELL_NOUNS + ")\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLINICAL = Pattern.compile("\\bclinical\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMAGING = Pattern.compile(
            "\\b(fMRI|EEG|MEG|PET|neuroimaging|functional magnetic resonance imaging|electroencephalograph\\w*)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRECLINICAL = Pattern.compile("\\bpre-?clinical\\b", Pattern.CASE_INSENSITIVE);

    private static Pattern named(String nouns) {
        return Pattern.compile("\\b((?:(?:" + MODIFIERS + ")\\s+)*)(" + nouns + ")\\b", Pattern.CASE_INSENSITIVE);
    }

    /** The population the text states, the weakest kind when it names several; null when it names none. */
    Population read(String text) {
        List<Population> found = new ArrayList<>();
        Matcher counted = COUNTED.matcher(text);
        if (counted.find()) {
            found.add(new Population(kindOf(counted.group(2)), counted.group().trim(),
                    Integer.valueOf(counted.group(1).replace(",", "")), false));
        }
        Matcher cells = CELLS.matcher(text);
        if (cells.find()) {
            found.add(new Population(Kind.CELLS, cells.group(), null, false));
        }
        addNamed(ANIMAL, Kind.ANIMAL, text, found);
        addNamed(HUMAN, Kind.HUMAN, text, found);
        Matcher imaging = IMAGING.matcher(text);
        if (imaging.find()) {
            found.add(new Population(Kind.HUMAN, "humans (" + imaging.group(1) + ")", null, true));
        }
        if (CLINICAL.matcher(text).find()) {
            found.add(new Population(Kind.HUMAN, "humans (clinical study)", null, true));
        }
        if (PRECLINICAL.matcher(text).find()) {
            found.add(new Population(Kind.NON_HUMAN, "preclinical", null, true));
        }
        return weakest(found);
    }

    private static void addNamed(Pattern pattern, Kind kind, String text, List<Population> found) {
        Matcher matcher = pattern.matcher(text);
        if (matcher.find()) {
            String noun = plural(matcher.group(2).toLowerCase(Locale.ROOT));
            String phrase = (matcher.group(1) + noun).trim();
            boolean generic = matcher.group(1).isBlank() && (noun.equals("rodents") || noun.equals("animals"));
            found.add(new Population(kind, phrase, null, generic));
        }
    }

    /** "rat brain" and "mouse model" name the species adjectivally; the population is still "rats", "mice". */
    private static String plural(String noun) {
        return switch (noun) {
            case "rat" -> "rats";
            case "mouse", "murine" -> "mice";
            case "rodent" -> "rodents";
            default -> noun;
        };
    }

    private static Kind kindOf(String noun) {
        return noun.toLowerCase(Locale.ROOT).matches(ANIMAL_NOUNS) ? Kind.ANIMAL : Kind.HUMAN;
    }

    /** Several kinds in one text: the weakest reading, never rounding up; same kind: the most specific phrase. */
    private static Population weakest(List<Population> found) {
        Population chosen = null;
        for (Population candidate : found) {
            if (chosen == null || candidate.kind().ordinal() < chosen.kind().ordinal()) {
                chosen = candidate;
            } else if (candidate.kind() == chosen.kind()) {
                chosen = Population.moreSpecific(chosen, candidate);
            }
        }
        return chosen;
    }
}
