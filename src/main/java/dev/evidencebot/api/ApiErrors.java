package dev.evidencebot.api;

import dev.evidencebot.answer.InvalidQuestionException;
import dev.evidencebot.answer.UnknownAnswerException;
import dev.evidencebot.retrieval.KnowledgeBase;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to the one JSON error shape. A caller's mistake is a 4xx that says what to
 * fix; only our own faults are 500s, and those say nothing about internals.
 */
@Controller
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final String maxRequestSize;

    ApiErrors(@Value("${micronaut.server.max-request-size:10MB}") String maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    @Error(global = true, exception = BadRequestException.class)
    HttpResponse<ApiError> badRequest(BadRequestException e) {
        return respond(e.status(), e.getMessage());
    }

    @Error(global = true, exception = TooManyRequestsException.class)
    HttpResponse<ApiError> tooManyRequests(TooManyRequestsException e) {
        return respond(429, e.getMessage()).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }

    @Error(global = true, exception = AnswersInFlight.ServerBusyException.class)
    HttpResponse<ApiError> serverBusy(AnswersInFlight.ServerBusyException e) {
        return respond(503, e.getMessage()).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }

    /**
     * A body over micronaut.server.max-request-size is the caller's mistake, not ours: without this
     * the catch-all below would log it as an ERROR and answer 500.
     */
    @Error(global = true, exception = ContentLengthExceededException.class)
    HttpResponse<ApiError> bodyTooLarge(HttpRequest<?> request, ContentLengthExceededException e) {
        return respond(413, "request body too large for " + request.getPath() + "; the limit is " + maxRequestSize);
    }

    @Error(global = true, exception = InvalidQuestionException.class)
    HttpResponse<ApiError> invalidQuestion(InvalidQuestionException e) {
        return respond(400, e.getMessage());
    }

    @Error(global = true, exception = UnknownAnswerException.class)
    HttpResponse<ApiError> unknownAnswer(UnknownAnswerException e) {
        return respond(404, e.getMessage());
    }

    @Error(global = true, exception = KnowledgeBase.NotReadyException.class)
    HttpResponse<ApiError> notReady(KnowledgeBase.NotReadyException e) {
        return respond(503, e.getMessage());
    }

    @Error(global = true, exception = ConversionErrorException.class)
    HttpResponse<ApiError> conversion(ConversionErrorException e) {
        return respond(400, "could not read " + e.getArgument().getName() + ": " + e.getMessage());
    }

    @Error(global = true, exception = UnsatisfiedRouteException.class)
    HttpResponse<ApiError> unsatisfied(UnsatisfiedRouteException e) {
        return respond(400, e.getMessage());
    }

    @Error(global = true, exception = HttpStatusException.class)
    HttpResponse<ApiError> status(HttpStatusException e) {
        return respond(e.getStatus().getCode(), e.getMessage());
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    HttpResponse<ApiError> notFound(HttpRequest<?> request) {
        return respond(404, "no such endpoint: " + request.getMethodName() + " " + request.getPath());
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    HttpResponse<ApiError> methodNotAllowed(HttpRequest<?> request) {
        return respond(405, request.getMethodName() + " is not allowed on " + request.getPath());
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    HttpResponse<ApiError> unsupportedMediaType(HttpRequest<?> request) {
        return respond(415, "unsupported Content-Type " + request.getContentType().map(Object::toString).orElse("none")
                + " for " + request.getPath());
    }

    @Error(global = true, status = HttpStatus.REQUEST_ENTITY_TOO_LARGE)
    HttpResponse<ApiError> tooLarge(HttpRequest<?> request) {
        return respond(413, "request body too large");
    }

    @Error(global = true, exception = Throwable.class)
    HttpResponse<ApiError> unexpected(HttpRequest<?> request, Throwable e) {
        LOG.error("unexpected failure on {} {}", request.getMethodName(), request.getPath(), e);
        return respond(500, "internal error; the server log has the details");
    }

    private static MutableHttpResponse<ApiError> respond(int status, String message) {
        return HttpResponse.<ApiError>status(HttpStatus.valueOf(status)).body(new ApiError(message, status));
    }
}
