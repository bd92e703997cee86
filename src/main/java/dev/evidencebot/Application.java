package dev.evidencebot;

import dev.evidencebot.cli.Cli;
import dev.evidencebot.llm.Embedders;
import io.micronaut.runtime.Micronaut;

/**
 * With no arguments, or with {@code serve}, the jar starts the server; anything else goes to the CLI
 * (a command, {@code help}, or a mistake it explains) and exits with its status.
 */
public class Application {

    public static void main(String[] args) {
        if (Cli.startsServer(args)) {
            // The model loads while Micronaut starts; EMBEDDING_MODEL is the usual way to choose it, and
            // a model chosen some other way is simply loaded when the application asks for it.
            String model = System.getenv("EMBEDDING_MODEL");
            Embedders.preload(model == null || model.isBlank() ? Embedders.DEFAULT : model);
            Micronaut.run(Application.class, Cli.serverArguments(args));
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
