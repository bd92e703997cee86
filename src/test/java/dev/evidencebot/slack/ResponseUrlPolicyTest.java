package dev.evidencebot.slack;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseUrlPolicyTest {

    private final ResponseUrlPolicy policy = new ResponseUrlPolicy(List.of("hooks.slack.com", " 127.0.0.1 ", "localhost", "[::1]"), true);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://hooks.slack.com/commands/T1/2/abc",
            "https://HOOKS.slack.com/actions/T1/2/abc",
            "http://127.0.0.1:8080/hook",
            "http://localhost:9/hook",
            "http://[::1]:9/hook"})
    void allowsListedHostsOverHttpsAndLoopbackOverHttpWhenTestsAllowIt(String url) {
        assertTrue(policy.allows(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://hooks.slack.com/commands/T1/2/abc",
            "https://hooks.slack.com.evil.example/commands",
            "https://evil.example/hooks.slack.com",
            "https://user@evil.example@hooks.slack.com/x",
            "https://127.0.0.2/hook",
            "ftp://hooks.slack.com/x",
            "not a url",
            ""})
    void refusesEverythingElse(String url) {
        assertFalse(policy.allows(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.5/hook", "http://internal.example/hook"})
    void plainHttpIsRefusedForANonLoopbackHostEvenWhenListed(String url) {
        ResponseUrlPolicy lenient = new ResponseUrlPolicy(List.of("10.0.0.5", "internal.example"), true);
        assertFalse(lenient.allows(url));
        assertTrue(lenient.allows(url.replace("http://", "https://")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost:9/hook", "http://[::1]:9/hook"})
    void plainHttpToLoopbackIsRefusedUnlessAllowed(String url) {
        // the production default: a listed loopback host still needs https
        ResponseUrlPolicy strict = new ResponseUrlPolicy(List.of("127.0.0.1", "localhost", "[::1]"));
        assertFalse(strict.allows(url), url);
        assertTrue(strict.allows(url.replace("http://", "https://")), url);
    }
}
