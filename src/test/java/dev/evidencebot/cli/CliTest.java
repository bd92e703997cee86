package dev.evidencebot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the jar does with its first argument: help, a mistake, a command, or the server. */
class CliTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpPrintsTheUsageOnStdoutAndSucceeds(String word) {
        Run run = run(word);

        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("usage: java -jar target/evidence-bot.jar"), run.out());
        assertEquals("", run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "--port", "-x", "serv"})
    void anUnknownCommandOrFlagPrintsTheUsageOnStderrAndExits2(String word) {
        Run run = run(word);

        assertEquals(2, run.status());
        assertTrue(run.err().contains(word), run.err());
        assertTrue(run.err().contains("usage: java -jar target/evidence-bot.jar"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void onlyNoArgumentsOrServeStartTheServer() {
        assertTrue(Cli.startsServer(new String[0]));
        assertTrue(Cli.startsServer(new String[] {"serve"}));
        assertTrue(Cli.startsServer(new String[] {"serve", "-micronaut.server.port=9000"}));
        for (String[] other : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"},
                new String[] {"--port=9000"}, new String[] {"corpus"}, new String[] {"nonsense"})) {
            assertFalse(Cli.startsServer(other), String.join(" ", other));
        }
        assertEquals(List.of("-micronaut.server.port=9000"),
                List.of(Cli.serverArguments(new String[] {"serve", "-micronaut.server.port=9000"})));
    }

    @Test
    void theJarsEntryPointExitsWithTheseStatusesAndStartsNoServer() throws Exception {
        // the real main, in its own JVM: a server started by mistake would never exit
        assertEquals(0, launch("--help"));
        assertEquals(0, launch("-h"));
        assertEquals(0, launch("help"));
        assertEquals(2, launch("--no-such-flag"));
        assertEquals(2, launch("no-such-command"));
    }

    private static int launch(String argument) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.evidencebot.Application", argument)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(argument + " did not exit within 60 s (did it start the server?)");
        }
        return process.exitValue();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
