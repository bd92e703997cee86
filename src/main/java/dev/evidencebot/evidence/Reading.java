package dev.evidencebot.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one text (a claim sentence or a reference entry) states about the study behind it.
 *
 * @param population     who or what was studied, null when the text does not say
 * @param design         the design named, null when none is named
 * @param designWords    the words that named the design, as written
 * @param studyPhrase    the phrase describing the study ("In a study involving 30 stroke patients"), else null
 * @param describesStudy whether the text describes the cited study itself (names a study, a design, a
 *                       method or a counted sample) rather than only reporting an effect "in patients"
 */
record Reading(
        Population population,
        StudyType design,
        List<String> designWords,
        String studyPhrase,
        boolean describesStudy) {

    Reading {
        designWords = List.copyOf(designWords);
    }

    boolean statesNothing() {
        return population == null && design == null;
    }

    /** The deciding words, quoted, for a rationale: the study phrase plus any cue it does not already contain. */
    String quoted() {
        List<String> words = new ArrayList<>();
        if (studyPhrase != null) {
            words.add(studyPhrase);
        }
        List<String> cues = new ArrayList<>(designWords);
        if (population != null) {
            cues.add(population.phrase());
        }
        for (String cue : cues) {
            boolean covered = words.stream().anyMatch(w -> w.toLowerCase().contains(cue.toLowerCase()));
            if (!covered && !cue.startsWith("humans (")) {
                words.add(cue);
            }
        }
        if (words.isEmpty() || statesNothing()) {
            return "states no design or population";
        }
        return words.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(", "));
    }
}
