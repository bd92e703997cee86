package dev.evidencebot;

import dev.evidencebot.cli.Cli;
import dev.evidencebot.llm.Embedders;
import io.micronaut.runtime.Micronaut;

/**
 * With no arguments (or only options) the jar starts the server; with a command word it runs that
 * command of the CLI (corpus, index, ask, eval, bench) and exits with its status.
 */
public class Application {

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            // The model loads while Micronaut starts; EMBEDDING_MODEL is the usual way to choose it, and
            // a model chosen some other way is simply loaded when the application asks for it.
            String model = System.getenv("EMBEDDING_MODEL");
            Embedders.preload(model == null || model.isBlank() ? Embedders.DEFAULT : model);
            Micronaut.run(Application.class, args);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
