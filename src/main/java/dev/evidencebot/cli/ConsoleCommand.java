package dev.evidencebot.cli;

import dev.evidencebot.console.QuestionGenerator;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * console --generate N [--seed S]: fills the question log (DATASOURCE_URL, else the embedded H2
 * under DATA_PATH) with N made-up answers over the last 90 days, to load-test the admin console.
 */
final class ConsoleCommand implements Command {

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        int count = -1;
        long seed = 11;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new Cli.UsageException(option + " needs a value");
            }
            String value = args.get(++i);
            try {
                switch (option) {
                    case "--generate" -> count = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new Cli.UsageException("unknown option for console: " + option);
                }
            } catch (NumberFormatException e) {
                throw new Cli.UsageException(option + " needs a whole number, got " + value);
            }
        }
        if (count < 1) {
            throw new Cli.UsageException("console needs --generate N (N >= 1)");
        }
        try (ApplicationContext context = Contexts.start()) {
            long started = System.nanoTime();
            context.getBean(QuestionGenerator.class).generate(count, Instant.now(), seed);
            out.printf("generated %,d logged questions in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
        }
        return 0;
    }
}
