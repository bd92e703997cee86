package dev.evidencebot.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The lines of the folder tree, held by a test so nobody has to remember them: the core runs
 * corpus -> evidence -> index -> retrieval -> answer and imports only to its left; the doors
 * (api, widget, slack, cli, admin) never import one another, except that the /admin page signs in
 * with the API's admin check; only doors touch HTTP; only llm touches
 * LangChain4j. Fetching a site (ingest) writes files into the corpus and knows nothing of answers:
 * it may use the corpus, nothing else of ours, and only the CLI runs it. What visitors asked
 * (console) is fed by the answer pipeline's event: the pipeline never calls it; only the admin API
 * reads it and the CLI's load generator fills it. Rate limits (limits) are a port the doors and
 * the model adapter ask; they know none of them, and the answer pipeline never asks them.
 */
@AnalyzeClasses(packages = "dev.evidencebot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] EDGES = {"..api..", "..widget..", "..slack..", "..cli..", "dev.evidencebot.admin.."};

    @ArchTest
    static final ArchRule corpusImportsNoLaterStage = noClasses().that().resideInAPackage("dev.evidencebot.corpus..")
            .should().dependOnClassesThat().resideInAnyPackage("..evidence..", "..index..", "..retrieval..", "..answer..",
                    "..llm..", "..api..", "..widget..", "..slack..", "..cli..");

    @ArchTest
    static final ArchRule evidenceImportsOnlyCorpus = noClasses().that().resideInAPackage("dev.evidencebot.evidence..")
            .should().dependOnClassesThat().resideInAnyPackage("..index..", "..retrieval..", "..answer..", "..llm..",
                    "..api..", "..widget..", "..slack..", "..cli..");

    @ArchTest
    static final ArchRule indexImportsOnlyEarlierStages = noClasses().that().resideInAPackage("dev.evidencebot.index..")
            .should().dependOnClassesThat().resideInAnyPackage("..retrieval..", "..answer..", "..llm..",
                    "..api..", "..widget..", "..slack..", "..cli..");

    @ArchTest
    static final ArchRule retrievalImportsOnlyEarlierStages = noClasses().that().resideInAPackage("dev.evidencebot.retrieval..")
            .should().dependOnClassesThat().resideInAnyPackage("..answer..", "..llm..", "..api..", "..widget..", "..slack..", "..cli..");

    @ArchTest
    static final ArchRule answerKnowsNoDoorAndNoModel = noClasses().that().resideInAPackage("dev.evidencebot.answer..")
            // spelled out in full: "..api.." would also match libraries' api packages (io.lettuce.core.api)
            .should().dependOnClassesThat().resideInAnyPackage("dev.evidencebot.llm..", "dev.evidencebot.api..",
                    "dev.evidencebot.widget..", "dev.evidencebot.slack..", "dev.evidencebot.cli..", "dev.evidencebot.console..",
                    "dev.evidencebot.admin..");

    @ArchTest
    static final ArchRule consoleKnowsNoDoorAndNoModel = noClasses().that().resideInAPackage("dev.evidencebot.console..")
            // spelled out in full: "..api.." would also match libraries' api packages (org.flywaydb.core.api)
            .should().dependOnClassesThat().resideInAnyPackage("dev.evidencebot.llm..", "dev.evidencebot.api..",
                    "dev.evidencebot.widget..", "dev.evidencebot.slack..", "dev.evidencebot.cli..", "dev.evidencebot.ingest..");

    @ArchTest
    // the admin endpoints (api) and the load generator (cli) read and fill it through its public queries
    static final ArchRule noCoreStageOrOtherDoorImportsConsole = noClasses().that().resideOutsideOfPackages(
                    "dev.evidencebot.console..", "dev.evidencebot.api..", "dev.evidencebot.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.evidencebot.console..");

    @ArchTest
    // one edge allowed: the /admin page shares the API's admin check (token, sessions, same-origin test)
    static final ArchRule doorsNeverImportOneAnother = slices().matching("dev.evidencebot.(api|widget|slack|cli|admin)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage("dev.evidencebot.admin.."), resideInAPackage("dev.evidencebot.api.."));

    @ArchTest
    static final ArchRule nothingImportsTheAdminPage = noClasses().that().resideOutsideOfPackage("dev.evidencebot.admin..")
            .should().dependOnClassesThat().resideInAPackage("dev.evidencebot.admin..");

    @ArchTest
    // the page reads the console through the API's JSON, never through its queries
    static final ArchRule adminPageReadsOnlyThroughTheApi = noClasses().that().resideInAPackage("dev.evidencebot.admin..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.evidencebot.console..", "dev.evidencebot.answer..",
                    "dev.evidencebot.retrieval..", "dev.evidencebot.index..");

    @ArchTest
    static final ArchRule onlyDoorsTouchHttp = noClasses().that().resideOutsideOfPackages(EDGES)
            .should().dependOnClassesThat().resideInAPackage("io.micronaut.http..");

    @ArchTest
    static final ArchRule ingestKnowsNothingOfAnswers = noClasses().that().resideInAPackage("dev.evidencebot.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("..evidence..", "..index..", "..retrieval..", "..answer..",
                    "..llm..", "..api..", "..widget..", "..slack..", "..cli..");

    @ArchTest
    static final ArchRule onlyTheCliRunsIngest = noClasses().that().resideOutsideOfPackages("dev.evidencebot.ingest..",
                    "dev.evidencebot.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.evidencebot.ingest..");

    @ArchTest
    static final ArchRule theAnswerPipelineKnowsNoRateLimits = noClasses().that().resideInAnyPackage(
                    "dev.evidencebot.corpus..", "dev.evidencebot.evidence..", "dev.evidencebot.index..",
                    "dev.evidencebot.retrieval..", "dev.evidencebot.answer..")
            .should().dependOnClassesThat().resideInAPackage("dev.evidencebot.limits..");

    @ArchTest
    // the buckets may move to Redis: nothing in here may lean on a door, the pipeline or the model
    // (Micronaut's HTTP is kept out by onlyDoorsTouchHttp; its generated bean definitions need the rest)
    static final ArchRule limitsImportNothingElseOfOurs = noClasses().that().resideInAPackage("dev.evidencebot.limits..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.evidencebot.limits..", "java..",
                    "io.github.bucket4j..", "com.github.benmanes.caffeine..", "io.micronaut..", "jakarta.inject..",
                    "io.lettuce..", "org.slf4j..");

    @ArchTest
    // the doors' static files (widget, /admin): shared by doors that share no code, so it leans on none
    static final ArchRule assetsImportNothingElseOfOurs = noClasses().that().resideInAPackage("dev.evidencebot.assets..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.evidencebot.corpus..", "dev.evidencebot.evidence..",
                    "dev.evidencebot.index..", "dev.evidencebot.retrieval..", "dev.evidencebot.answer..",
                    "dev.evidencebot.console..", "dev.evidencebot.limits..", "dev.evidencebot.api..",
                    "dev.evidencebot.widget..", "dev.evidencebot.slack..", "dev.evidencebot.cli..", "dev.evidencebot.llm..",
                    "dev.evidencebot.admin..");

    @ArchTest
    // secrets kept in the data directory: used by the answer pipeline and the console alike
    static final ArchRule secretsImportNothingElseOfOurs = noClasses().that().resideInAPackage("dev.evidencebot.secrets..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.evidencebot.corpus..", "dev.evidencebot.evidence..",
                    "dev.evidencebot.index..", "dev.evidencebot.retrieval..", "dev.evidencebot.answer..",
                    "dev.evidencebot.console..", "dev.evidencebot.limits..", "dev.evidencebot.api..",
                    "dev.evidencebot.widget..", "dev.evidencebot.slack..", "dev.evidencebot.cli..", "dev.evidencebot.llm..");

    @ArchTest
    // the Redis client is infrastructure: it knows nothing of what the packages keep in it
    static final ArchRule redisImportsNothingElseOfOurs = noClasses().that().resideInAPackage("dev.evidencebot.redis..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.evidencebot.corpus..", "dev.evidencebot.evidence..",
                    "dev.evidencebot.index..", "dev.evidencebot.retrieval..", "dev.evidencebot.answer..",
                    "dev.evidencebot.console..", "dev.evidencebot.limits..", "dev.evidencebot.api..",
                    "dev.evidencebot.widget..", "dev.evidencebot.slack..", "dev.evidencebot.cli..", "dev.evidencebot.llm..");

    @ArchTest
    static final ArchRule onlyLimitsTouchBucket4j = noClasses().that().resideOutsideOfPackage("dev.evidencebot.limits..")
            .should().dependOnClassesThat().resideInAPackage("io.github.bucket4j..");

    @ArchTest
    static final ArchRule onlyLlmTouchesLangChain4j = noClasses().that().resideOutsideOfPackage("dev.evidencebot.llm..")
            .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..");

    @ArchTest
    static final ArchRule onlyIndexAndRetrievalTouchLucene = noClasses().that().resideOutsideOfPackage("dev.evidencebot.index..")
            .and().resideOutsideOfPackage("dev.evidencebot.retrieval..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..");
}
