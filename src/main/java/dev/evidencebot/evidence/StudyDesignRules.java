package dev.evidencebot.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words -> study design. Only designs the text states count; nothing is inferred from silence.
 * Within one text the source's own design wins over the designs it covers: "a meta-analysis of
 * 14 RCTs" is a meta-analysis, "a review of randomized trials" a narrative review.
 */
final class StudyDesignRules {

    /** Cues in order of precedence inside one text (secondary research first, then strongest primary design). */
    private static final List<Cue> CUES = List.of(
            new Cue(StudyType.META_ANALYSIS, "\\bmeta-?\\s?analys[ie]s\\b|\\bpooled analysis\\b"),
            new Cue(StudyType.SYSTEMATIC_REVIEW, "\\bsystematic (?:literature )?review\\b|\\bCochrane\\b"),
            new Cue(StudyType.NARRATIVE_REVIEW,
                    "\\breview\\b|\\boverview\\b|\\beditorial\\b|\\bcommentary\\b|\\bexpert opinion\\b|\\bperspective\\b|\\bbook chapter\\b"),
            new Cue(StudyType.CONTROLLED_STUDY, "\\bnon-?randomi[sz]ed\\b"),
            new Cue(StudyType.RCT, "\\brandomi[sz]ed\\b|\\bRCTs?\\b"),
            new Cue(StudyType.CONTROLLED_STUDY,
                    "\\bcase-control\\b|\\bcohort\\b|\\bplacebo(?:-controlled)?\\b|\\bdouble-blind(?:ed)?\\b|\\bcontrolled\\b|\\bcontrol group\\b"),
            new Cue(StudyType.OBSERVATIONAL, "\\bobservational\\b|\\bcross-sectional\\b|\\bsurvey\\b|\\bregistry\\b|\\bepidemiological\\b"),
            new Cue(StudyType.CASE_REPORT, "\\bcase report\\b"),
            new Cue(StudyType.HUMAN_UNCONTROLLED,
                    "\\buncontrolled\\b|\\bopen-label\\b|\\bpilot\\b|\\bcase series\\b|\\bsingle-arm\\b"));

    /** "In a study involving 30 stroke patients", "In an fMRI study", "A 2019 meta-analysis of 14 RCTs". */
    private static final Pattern STUDY_PHRASE = Pattern.compile(
            "\\b(?:(?:in|from)\\s+)?(?:a|an|one|this|the)\\s+(?:[\\p{L}\\d,-]+\\s+){0,6}?"
                    + "(?:study|trial|experiment|meta-analysis|review)\\b"
                    + "(?:\\s+(?:involving|of|in|with|on|among)\\s+(?:\\d[\\d,]*\\s+)?(?:[\\p{L}-]+\\s+){0,3}?"
                    + "(?:patients|volunteers|adults|participants|people|men|women|children|rats|mice|animals|RCTs|trials|studies)\\b)?",
            Pattern.CASE_INSENSITIVE);

    private final PopulationReader populations = new PopulationReader();

    Reading read(String text) {
        String body = text == null ? "" : text;
        Population population = populations.read(body);
        StudyType design = null;
        List<String> designWords = new ArrayList<>();
        for (Cue cue : CUES) {
            Matcher matcher = cue.pattern().matcher(body);
            while (matcher.find()) {
                if (design == null) {
                    design = cue.design();
                }
                String word = matcher.group();
                // "placebo-controlled" also matches "controlled"; keep the longer words only
                if (designWords.stream().noneMatch(w -> w.toLowerCase().contains(word.toLowerCase()))) {
                    designWords.add(word);
                }
            }
        }
        Matcher phrase = STUDY_PHRASE.matcher(body);
        String studyPhrase = phrase.find() ? phrase.group().trim() : null;
        boolean describesStudy = studyPhrase != null || design != null
                || (population != null && (population.sampleSize() != null || population.phrase().startsWith("humans (")));
        return new Reading(population, design, designWords, studyPhrase, describesStudy);
    }

    private record Cue(StudyType design, Pattern pattern) {
        Cue(StudyType design, String regex) {
            this(design, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }
    }
}
