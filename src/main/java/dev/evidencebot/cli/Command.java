package dev.evidencebot.cli;

import java.io.PrintStream;
import java.util.List;

/** One CLI command: its arguments (after the command word) in, an exit status out. */
interface Command {

    int run(List<String> args, PrintStream out) throws Exception;
}
