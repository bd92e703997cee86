package dev.evidencebot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.evidencebot.console.ConsoleQueries;
import dev.evidencebot.console.GapClusters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Provider;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The site owner's console as JSON (and CSV) for scripts, all behind the admin token: the question
 * log, feedback, coverage gaps (abstained questions grouped by meaning), questions answered only
 * with weak evidence, and an overview for charts. The queries live in the console package.
 */
@Controller("/api/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsoleController {

    private static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");

    /** Looked up per request, so a refused request (no token configured) never opens the database. */
    private final Provider<ConsoleQueries> queries;
    private final GapClusters gaps;
    private final AdminToken admin;
    /** Times as ISO-8601 text (2026-06-01T12:00:00Z, 2026-06-01), which scripts and charts read as is. */
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    ConsoleController(Provider<ConsoleQueries> queries, GapClusters gaps, AdminToken admin, ObjectMapper json) {
        this.queries = queries;
        this.gaps = gaps;
        this.admin = admin;
        this.json = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Get(uri = "/questions", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> questions(HttpRequest<?> request) {
        return guarded(request, parameters -> json(questionPage(parameters, ConsoleParameters.MAX_LIMIT)));
    }

    @Get(uri = "/questions.csv", produces = {"text/csv", MediaType.APPLICATION_JSON}) // errors are JSON
    HttpResponse<?> questionsCsv(HttpRequest<?> request) {
        return guarded(request, parameters -> {
            Csv csv = new Csv().row(List.of("id", "time", "door", "question", "abstained", "level", "citations",
                    "latency_ms", "feedback", "composer", "fallback_reason"));
            for (ConsoleQueries.LoggedQuestion item : questionPage(parameters, ConsoleParameters.MAX_CSV_LIMIT).items()) {
                csv.row(List.of(item.id(), item.time(), item.door(), item.question(), item.abstained(),
                        item.level() == null ? "" : item.level(), String.join(" ", item.citations().stream()
                                .map(cited -> cited.reference() == null ? cited.article() : cited.article() + "#" + cited.reference())
                                .toList()), item.latencyMs(), item.feedback() == null ? "" : String.join(" ", item.feedback()),
                        item.composer() == null ? "" : item.composer(), item.fallbackReason() == null ? "" : item.fallbackReason()));
            }
            return HttpResponse.ok(csv.toString()).contentType(CSV)
                    .header("Content-Disposition", "attachment; filename=\"questions.csv\"");
        });
    }

    @Get(uri = "/feedback", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> feedback(HttpRequest<?> request) {
        return guarded(request, parameters -> json(feedbackPage(parameters, ConsoleParameters.MAX_LIMIT)));
    }

    @Get(uri = "/feedback.csv", produces = {"text/csv", MediaType.APPLICATION_JSON}) // errors are JSON
    HttpResponse<?> feedbackCsv(HttpRequest<?> request) {
        return guarded(request, parameters -> {
            Csv csv = new Csv().row(List.of("answer_id", "time", "door", "rating", "comment", "question"));
            for (ConsoleQueries.FeedbackItem item : feedbackPage(parameters, ConsoleParameters.MAX_CSV_LIMIT).items()) {
                csv.row(java.util.Arrays.asList(item.answerId(), item.time(), item.door(), item.rating(), item.comment(),
                        item.question()));
            }
            return HttpResponse.ok(csv.toString()).contentType(CSV)
                    .header("Content-Disposition", "attachment; filename=\"feedback.csv\"");
        });
    }

    @Get(uri = "/gaps", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> gaps(HttpRequest<?> request) {
        return guarded(request, parameters -> json(new Clusters(
                gaps.cluster(queries.get().abstained(GapClusters.MAX_QUESTIONS)))));
    }

    @Get(uri = "/weak-evidence", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> weakEvidence(HttpRequest<?> request) {
        return guarded(request, parameters -> json(new Clusters(
                gaps.cluster(queries.get().weaklyAnswered(GapClusters.MAX_QUESTIONS)))));
    }

    @Get(uri = "/overview", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> overview(HttpRequest<?> request) {
        return guarded(request, parameters -> json(queries.get().overview(parameters.days(), clock.instant())));
    }

    private ConsoleQueries.Page<ConsoleQueries.LoggedQuestion> questionPage(ConsoleParameters parameters, int maxLimit) {
        return queries.get().questions(new ConsoleQueries.QuestionFilter(parameters.answered(), parameters.door(), parameters.q(),
                parameters.from(), parameters.to()), parameters.limit(maxLimit), parameters.offset());
    }

    private ConsoleQueries.Page<ConsoleQueries.FeedbackItem> feedbackPage(ConsoleParameters parameters, int maxLimit) {
        return queries.get().feedback(new ConsoleQueries.FeedbackFilter(parameters.rating(), parameters.door(), parameters.from(),
                parameters.to()), parameters.limit(maxLimit), parameters.offset());
    }

    private HttpResponse<?> json(Object body) {
        try {
            return HttpResponse.ok(json.writeValueAsString(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private HttpResponse<?> guarded(HttpRequest<?> request, Function<ConsoleParameters, HttpResponse<?>> answer) {
        Optional<MutableHttpResponse<?>> refused = admin.refuse(request);
        if (refused.isPresent()) {
            return refused.get().contentType(MediaType.APPLICATION_JSON_TYPE); // a CSV route refuses in JSON too
        }
        return answer.apply(new ConsoleParameters(request.getParameters()));
    }

    record Clusters(List<GapClusters.Cluster> clusters) {
    }
}
