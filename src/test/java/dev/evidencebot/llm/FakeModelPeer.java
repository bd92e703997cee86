package dev.evidencebot.llm;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A model provider on loopback, inside the test's own server: the OpenAI chat-completions and
 * Anthropic Messages wire formats, streaming and not, with whatever reply the test scripted in
 * {@link FakeModel}.
 */
@Controller("/fake")
@Requires(property = "spec.name", value = FakeModel.SPEC)
class FakeModelPeer {

    @Post(uri = "/openai/v1/chat/completions", consumes = MediaType.ALL, produces = MediaType.ALL)
    Publisher<MutableHttpResponse<?>> openAi(@Body String body, @Header(value = HttpHeaders.AUTHORIZATION, defaultValue = "") String auth) {
        return respond(FakeModel.Wire.OPENAI, body, auth);
    }

    @Post(uri = "/anthropic/v1/messages", consumes = MediaType.ALL, produces = MediaType.ALL)
    Publisher<MutableHttpResponse<?>> anthropic(@Body String body, @Header(value = "x-api-key", defaultValue = "") String key) {
        return respond(FakeModel.Wire.ANTHROPIC, body, key);
    }

    private static Publisher<MutableHttpResponse<?>> respond(FakeModel.Wire wire, String body, String credential) {
        FakeModel.Request request = FakeModel.record(wire, body, credential);
        FakeModel.Reply reply = FakeModel.next(request);
        Mono<Void> gate = reply.onHold() ? Mono.fromFuture(FakeModel.gate()) : Mono.empty();
        return gate.then(Mono.delay(reply.delay())).<MutableHttpResponse<?>>map(tick -> response(wire, request, reply));
    }

    private static MutableHttpResponse<?> response(FakeModel.Wire wire, FakeModel.Request request, FakeModel.Reply reply) {
        if (reply.status() != 200) {
            MutableHttpResponse<String> refused = HttpResponse.<String>status(io.micronaut.http.HttpStatus.valueOf(reply.status()))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(reply.raw() != null ? reply.raw() : "{\"error\":{\"message\":\"scripted failure\"}}");
            if (reply.retryAfter() != null) {
                refused.header("Retry-After", reply.retryAfter());
            }
            return refused;
        }
        if (reply.raw() != null) {
            return HttpResponse.ok(reply.raw()).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (!request.streaming()) {
            return HttpResponse.ok(FakeModel.completion(wire, reply.text())).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        Flux<byte[]> events = Flux.fromIterable(FakeModel.events(wire, reply.pieces()))
                .map(event -> event.getBytes(StandardCharsets.UTF_8));
        if (!reply.pace().isZero()) {
            events = events.delayElements(reply.pace());
        }
        if (reply.cutAfter() >= 0) {
            // The connection drops mid-answer: no closing events, then an error that aborts the response.
            events = Flux.fromIterable(FakeModel.events(wire, reply.pieces()).subList(0, reply.cutAfter() + 1))
                    .map(event -> event.getBytes(StandardCharsets.UTF_8))
                    .concatWith(Mono.delay(Duration.ofMillis(50)).then(Mono.error(new IllegalStateException("cut"))));
        }
        // our server notices a client that hangs up only once the response has begun: here
        return HttpResponse.ok(events.doOnCancel(FakeModel::abandoned)).contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
    }
}
