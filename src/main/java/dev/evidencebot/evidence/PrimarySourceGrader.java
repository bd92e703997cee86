package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.corpus.Passage.Role;
import dev.evidencebot.corpus.StudyRecord;
import dev.evidencebot.evidence.Population.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Grades a document that is itself a study (an abstract) by its own design: the same rules and scale
 * as a citation, read from its title and sentences and, for PubMed records, its publication types and
 * MeSH headings (EVIDENCE-SCALE.md, "Primary sources"). Population beats design; where the text and the
 * record disagree the weaker reading wins and the disagreement is a warning; never round up.
 */
final class PrimarySourceGrader {

    static final String CANNOT_BE_TOLD = "a source whose design cannot be told from its abstract";

    /** Publication types that name a design, in precedence: what the record is before what it reports. */
    private static final List<PublicationType> NAMING = List.of(
            new PublicationType("Meta-Analysis", StudyType.META_ANALYSIS),
            new PublicationType("Systematic Review", StudyType.SYSTEMATIC_REVIEW),
            new PublicationType("Clinical Trial Protocol", StudyType.STUDY_PROTOCOL),
            new PublicationType("Practice Guideline", StudyType.GUIDELINE),
            new PublicationType("Guideline", StudyType.GUIDELINE),
            new PublicationType("Consensus Development Conference", StudyType.GUIDELINE),
            new PublicationType("Editorial", StudyType.EDITORIAL),
            new PublicationType("Comment", StudyType.EDITORIAL),
            new PublicationType("Letter", StudyType.EDITORIAL),
            new PublicationType("Randomized Controlled Trial", StudyType.RCT),
            new PublicationType("Equivalence Trial", StudyType.RCT),
            new PublicationType("Pragmatic Clinical Trial", StudyType.RCT),
            new PublicationType("Case Reports", StudyType.CASE_REPORT),
            new PublicationType("Review", StudyType.NARRATIVE_REVIEW));

    /**
     * Publication types that say only what kind of study it was: the abstract's words name the design;
     * these apply when the abstract names none, at the weakest design they allow ("Clinical Trial" does
     * not say a control group existed).
     */
    private static final List<PublicationType> FALLBACK = List.of(
            new PublicationType("Controlled Clinical Trial", StudyType.CONTROLLED_STUDY),
            new PublicationType("Comparative Study", StudyType.CONTROLLED_STUDY),
            new PublicationType("Observational Study", StudyType.OBSERVATIONAL),
            new PublicationType("Clinical Trial", StudyType.HUMAN_UNCONTROLLED),
            new PublicationType("Clinical Study", StudyType.HUMAN_UNCONTROLLED),
            // says where it was done, not how: a study of people with no control stated
            new PublicationType("Multicenter Study", StudyType.HUMAN_UNCONTROLLED));

    private static final List<String> CELL_HEADINGS = List.of("Cells, Cultured", "Cell Line", "In Vitro Techniques");

    private record PublicationType(String name, StudyType design) {
        /** "Clinical Trial, Phase I" is a Clinical Trial; "Consensus Development Conference, NIH" a conference. */
        boolean matches(String written) {
            String lower = written.toLowerCase(Locale.ROOT);
            String own = name.toLowerCase(Locale.ROOT);
            return lower.equals(own) || lower.startsWith(own + ",");
        }
    }

    private final StudyDesignRules rules;

    PrimarySourceGrader(StudyDesignRules rules) {
        this.rules = rules;
    }

    Grading grade(Article article) {
        List<Caution> warnings = new ArrayList<>();
        String title = article.title() == null ? "" : article.title();
        String context = sentences(article, Role.AIM, Role.METHOD);
        String findings = sentences(article, Role.FINDING, Role.CLAIM);
        if (context.isEmpty() && findings.isEmpty()) {
            findings = sentences(article, Role.BACKGROUND);
        }
        // the title and the methods say what this study did; the findings only when they say nothing;
        // background never: it tells what other studies did
        Reading byTitle = rules.read(title);
        Reading byContext = rules.read(context);
        Reading byFindings = rules.read(findings);
        Reading designReading = byTitle.design() != null ? byTitle : byContext.design() != null ? byContext : byFindings;
        Population textPopulation = rules.read(title + ". " + context).population();
        if (textPopulation == null) {
            textPopulation = byFindings.population();
        }

        StudyRecord record = article.record();
        PublicationType named = first(NAMING, record.publicationTypes());
        StudyType design = design(designReading, named, warnings);
        PublicationType fallback = null;
        if (design == null) {
            fallback = first(FALLBACK, record.publicationTypes());
            design = fallback == null ? null : fallback.design();
        }
        Population meshPopulation = meshPopulation(record.meshHeadings());
        Population population = population(textPopulation, meshPopulation, warnings);
        StudyType type = ReadingCombiner.classify(population, design);

        Reading quoted = new Reading(textPopulation, designReading.design(), designReading.designWords(),
                designReading.studyPhrase(), true);
        StringBuilder rationale = new StringBuilder("abstract: ").append(quoted.quoted());
        PublicationType used = named != null ? named : fallback;
        if (used != null) {
            // the indexers read the full paper: say it was PubMed's word, not the abstract's
            rationale.append("; PubMed publication type: \"").append(used.name()).append('"');
        }
        if (meshPopulation != null) {
            rationale.append("; MeSH: ").append(meshPopulation.phrase());
        }
        String conclusion = type == StudyType.NARRATIVE_REVIEW && design == null
                ? CANNOT_BE_TOLD : ReadingCombiner.conclusion(type, population, design);
        rationale.append(" -> ").append(conclusion);
        return Caution.attach(new Grading(type.level(), type,
                population == null ? null : population.phrase(),
                population == null ? null : population.sampleSize(),
                rationale.toString(), List.of()), warnings);
    }

    private static String sentences(Article article, Role... roles) {
        List<Role> wanted = List.of(roles);
        return article.passages().stream().filter(p -> wanted.contains(p.role())).map(Passage::text)
                .collect(Collectors.joining(" "));
    }

    private static PublicationType first(List<PublicationType> known, List<String> written) {
        for (PublicationType type : known) {
            if (written.stream().anyMatch(type::matches)) {
                return type;
            }
        }
        return null;
    }

    /** The record's design, unless the abstract names one that refines it; a contradiction takes the weaker. */
    private static StudyType design(Reading text, PublicationType named, List<Caution> warnings) {
        StudyType said = text.design();
        if (named == null || said == null || said == named.design()) {
            return named == null ? said : named.design();
        }
        StudyType stated = named.design();
        if (refines(said, stated, text.designWords())) {
            return said;
        }
        if (refines(stated, said, text.designWords())) {
            return stated;
        }
        StudyType weaker = said.ordinal() > stated.ordinal() ? said : stated;
        warnings.add(new Caution("The abstract calls the study " + String.join(", ", text.designWords())
                + ", but PubMed lists it as " + named.name() + "." + Caution.WEAKER,
                "the abstract says " + String.join(", ", text.designWords()) + " but its publication type is "
                + named.name() + "; graded on the weaker reading (" + weaker.words() + ")"));
        return weaker;
    }

    /** Whether {@code specific} only says more than {@code general} about the same design. */
    private static boolean refines(StudyType specific, StudyType general, List<String> textWords) {
        return switch (specific) {
            case CLUSTER_RCT, CROSSOVER_TRIAL -> general == StudyType.RCT;
            case RCT -> general == StudyType.CONTROLLED_STUDY
                    && textWords.stream().noneMatch(w -> w.toLowerCase(Locale.ROOT).contains("non"));
            case UMBRELLA_REVIEW -> general == StudyType.META_ANALYSIS || general == StudyType.SYSTEMATIC_REVIEW
                    || general == StudyType.NARRATIVE_REVIEW;
            // PubMed types systematic reviews "Review" too
            case META_ANALYSIS, SYSTEMATIC_REVIEW -> general == StudyType.NARRATIVE_REVIEW
                    || (specific == StudyType.META_ANALYSIS && general == StudyType.SYSTEMATIC_REVIEW);
            case CASE_SERIES -> general == StudyType.CASE_REPORT;
            default -> false;
        };
    }

    /**
     * MeSH says who was studied as the indexers read the full paper: Animals without Humans is animal
     * work, Humans without Animals human work, cultured cells or cell lines cell work. Both Humans and
     * Animals say nothing certain, so the abstract's words decide.
     */
    static Population meshPopulation(List<String> headings) {
        boolean humans = headings.stream().anyMatch(h -> h.equalsIgnoreCase("Humans"));
        boolean animals = headings.stream().anyMatch(h -> h.equalsIgnoreCase("Animals"));
        String cells = headings.stream()
                .filter(h -> CELL_HEADINGS.stream().anyMatch(c -> h.equalsIgnoreCase(c) || h.startsWith(c + ",")))
                .findFirst().orElse(null);
        if (cells != null) {
            return new Population(Kind.CELLS, "\"" + cells + "\"", null, true);
        }
        if (animals && !humans) {
            return new Population(Kind.ANIMAL, "\"Animals\" without \"Humans\"", null, true);
        }
        if (humans && !animals) {
            return new Population(Kind.HUMAN, "\"Humans\"", null, true);
        }
        return null;
    }

    /** The text's population and MeSH's, as the two sides of a citation are combined: the weaker kind wins. */
    private static Population population(Population text, Population mesh, List<Caution> warnings) {
        if (text == null || mesh == null) {
            return text == null ? meshAsPopulation(mesh) : text;
        }
        if (text.kind().compatibleWith(mesh.kind())) {
            return text;
        }
        if (mesh.kind().ordinal() < text.kind().ordinal()) {
            warnings.add(meshDisagrees(text, mesh, mesh.kind().words()));
            return meshAsPopulation(mesh);
        }
        warnings.add(meshDisagrees(text, mesh, text.kind().words()));
        return text;
    }

    private static Caution meshDisagrees(Population text, Population mesh, String weaker) {
        return new Caution("The abstract speaks of " + text.phrase() + ", but PubMed's subject headings say "
                + mesh.phrase() + "." + Caution.WEAKER,
                "the abstract speaks of " + text.phrase() + " but its MeSH headings say " + mesh.phrase()
                + "; graded on the weaker reading (" + weaker + ")");
    }

    /** The population a grading names when only MeSH said it: the kind in plain words. */
    private static Population meshAsPopulation(Population mesh) {
        if (mesh == null) {
            return null;
        }
        String phrase = switch (mesh.kind()) {
            case HUMAN -> "humans";
            case ANIMAL, NON_HUMAN -> "animals";
            case CELLS -> "cells";
        };
        return new Population(mesh.kind(), phrase, null, true);
    }
}
