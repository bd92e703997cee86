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

    /** A single person named where a title or sentence names who was studied: "in a 45-year-old woman", "in a child". */
    private static final String ONE_PERSON = "\\bin an? (?:[\\p{L}\\d-]+\\s+){0,3}?(?:man|woman|boy|girl|child|infant|newborn|neonate"
            + "|adolescent|teenager|athlete|patient|(?:weight|power)[\\s-]?lifter|runner|bodybuilder|soldier)\\b"
            // "in a patient population", "in a large patient cohort" are groups
            + "(?![\\s-](?:population|cohort|sample|group|series|registry|setting|trial|study)s?)";

    /**
     * Cues in order of precedence inside one text: what the source itself is first (a protocol, a review
     * of reviews, a meta-analysis, a guideline, an editorial, a review), then computation without a
     * living subject (in silico, which like a population decides over any trial words it mentions),
     * then primary designs strongest first, each specific design before the general one it belongs to.
     */
    private static final List<Cue> CUES = List.of(
            new Cue(StudyType.STUDY_PROTOCOL,
                    "\\b(?:study|trial|review) protocol\\b|\\bprotocol (?:for|of) an? \\b|\\brationale and design\\b"),
            new Cue(StudyType.UMBRELLA_REVIEW,
                    "\\bumbrella review\\b|\\b(?:review|overview|synthesis) of (?:\\w+ ){0,2}?(?:systematic reviews|meta-?\\s?analyses)\\b"),
            new Cue(StudyType.META_ANALYSIS, "\\bmeta-?\\s?analys[ie]s\\b|\\bpooled analysis\\b"),
            new Cue(StudyType.SYSTEMATIC_REVIEW, "\\bsystematic (?:literature )?review\\b|\\bCochrane\\b"),
            new Cue(StudyType.GUIDELINE,
                    "\\b(?:clinical |practice |clinical practice )guidelines?\\b|\\bguidelines? (?:for|on) the (?:management|treatment|diagnosis|prevention)\\b"
                            + "|\\bposition (?:stand|statement|paper)\\b|\\bconsensus (?:statement|conference|recommendations?)\\b"),
            new Cue(StudyType.EDITORIAL,
                    "\\beditorial\\b|\\bcommentary\\b|\\bletter to the editor\\b|\\bin reply\\b"),
            new Cue(StudyType.NARRATIVE_REVIEW,
                    // "a retrospective chart review" is a look at records, not a review of studies
                    "(?<!(?:chart|record|records|notes|file) )\\breview\\b|\\boverview\\b|\\bexpert opinion\\b|\\bperspective\\b|\\bbook chapter\\b"),
            new Cue(StudyType.IN_SILICO,
                    "\\bin silico\\b|\\bmolecular docking\\b|\\bdocking (?:study|analysis|simulations?)\\b|\\bmolecular dynamics\\b"
                            + "|\\bcomputational (?:model(?:l?ing)?|simulations?|study|analysis)\\b|\\bcomputer simulations?\\b"),
            new Cue(StudyType.CONTROLLED_STUDY, "\\bnon-?randomi[sz]ed\\b"),
            new Cue(StudyType.CLUSTER_RCT, "\\bcluster[\\s-]+randomi[sz]ed\\b|\\brandomi[sz]ed by (?:cluster|ward|school|village|practice)\\b"),
            // a crossover is an RCT's equal only when randomization is stated with it (same sentence)
            new Cue(StudyType.CROSSOVER_TRIAL,
                    "\\brandomi[sz]ed[^.;]{0,80}?\\bcross-?over\\b|\\bcross-?over\\b[^.;]{0,80}?\\brandomi[sz]ed\\b"),
            new Cue(StudyType.RCT, "\\brandomi[sz]ed\\b|\\bRCTs?\\b|\\brandomly (?:assigned|allocated)\\b|\\brandomi[sz]ation\\b"),
            new Cue(StudyType.CASE_CONTROL, "\\bcase[\\s-]control\\b"),
            new Cue(StudyType.PROSPECTIVE_COHORT,
                    "\\bprospective(?:ly)?\\s+(?:[\\w-]+\\s+){0,3}?cohort\\b|\\bcohort\\b[^.;]{0,60}?\\bprospectively\\b"),
            new Cue(StudyType.RETROSPECTIVE_COHORT,
                    "\\bretrospective(?:ly)?\\s+(?:[\\w-]+\\s+){0,3}?cohort\\b|\\bcohort\\b[^.;]{0,60}?\\bretrospectively\\b"),
            new Cue(StudyType.CROSS_SECTIONAL, "\\bcross-?sectional\\b"),
            new Cue(StudyType.CONTROLLED_STUDY,
                    "\\bcohort\\b|\\bplacebo(?:-controlled)?\\b|\\bdouble-blind(?:ed)?\\b|\\bcontrolled\\b|\\bcontrol group\\b"
                            + "|\\bcross-?over\\b"),
            new Cue(StudyType.OBSERVATIONAL, "\\bobservational\\b|\\bsurvey\\b|\\bregistry\\b|\\bepidemiological\\b"),
            new Cue(StudyType.CASE_SERIES,
                    "\\bcase[\\s-]series\\b|\\bseries of \\d+ (?:consecutive )?(?:patients|cases)\\b"),
            new Cue(StudyType.CASE_REPORT,
                    "\\bcase report\\b|\\ba case of\\b|\\bwe (?:report|describe|present) (?:a|an|the) (?:\\w+ ){0,3}?(?:case(?![\\s-]series)|patient)\\b"
                            + "|\\ba single report\\b|" + ONE_PERSON),
            new Cue(StudyType.HUMAN_UNCONTROLLED,
                    "\\buncontrolled\\b|\\bopen-label\\b|\\bpilot\\b|\\bsingle-arm\\b"));

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
