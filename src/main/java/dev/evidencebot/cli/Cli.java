package dev.evidencebot.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line: `java -jar target/evidence-bot.jar <command> [options]`. */
public final class Cli {

    static final String USAGE = """
            usage: java -jar target/evidence-bot.jar [command] [options]
              (no command) | serve    start the server (port MICRONAUT_SERVER_PORT, default 8080)
              help | -h | --help      print this usage
              corpus [--json]         read the corpus (CORPUS_PATH, default corpus/) and report on it
              ingest --sitemap URL | ingest URL... [--corpus DIR] [--delay SECONDS] [--timeout SECONDS] [--json]
                                      fetch a site's pages into the corpus (robots.txt obeyed, one request at a time)
              index                   build or reuse the index (INDEX_PATH, default data/index) and report
              ask [--json] QUESTION   answer one question
              eval [--file F] [--json]  run the evaluation set (default eval/questions.jsonl)
              bench [--seconds N] [--clients N]   answer latency in process and over HTTP, index build time, memory
              bench --startup [--runs N] [--jvm-args "..."]   launch to first answer, as a separate process
              bench --soak [--seconds N] [--connections N] [--jvm-args "..."] [--limits] [--corpus DIR]
                                      N connections (64) on a separate server for N s (60): asks, streams, slow
                                      readers, hang-ups, feedback, bad requests; 5xx, p50/p99, the server's heap,
                                      RSS, threads and fds in the first vs the last 10 s; exit 1 on a 5xx
              bench --verify          latency the sentence gate adds to a model's answer (10,000 runs)
              bench --beir DIR [--split test|train] [--json] [--model NAME]
                                      nDCG@10 and Recall@100 on a BEIR-format data set
              bench --answerability DIR [--split NAME] [--json] [--with CORPUS_DIR]
                                      answers when the corpus answers, abstains when it does not
              calibrate [--beir DIR[:SPLIT]]... [--questions FILE [--corpus DIR]]... [--out FILE]
                                      fit the relevance decision on labelled questions
              console --generate N [--seed S]
                                      add N made-up logged questions (90 days) to load-test the admin console
            """;

    /** The words that ask for this usage rather than a command. */
    private static final Set<String> HELP = Set.of("help", "-h", "--help");
    /** The one command word the server answers to; the jar with no arguments starts it too. */
    private static final String SERVE = "serve";

    private Cli() {
    }

    /**
     * Whether these arguments start the server: none at all, or {@code serve}. Anything else is a
     * CLI command, help, or a mistake; a mistyped flag must never bind port 8080 in its place.
     */
    public static boolean startsServer(String[] args) {
        return args.length == 0 || SERVE.equals(args[0]);
    }

    /** The arguments the server is started with: whatever follows {@code serve}. */
    public static String[] serverArguments(String[] args) {
        return args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    }

    /**
     * Runs one command and returns the exit status: 0 done (help included), 1 the command failed,
     * 2 the command line was wrong (the usage is printed on {@code err}).
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && HELP.contains(args[0])) {
            out.print(USAGE);
            return 0;
        }
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("corpus", new CorpusCommand());
        commands.put("ingest", new IngestCommand());
        commands.put("index", new IndexCommand());
        commands.put("ask", new AskCommand());
        commands.put("eval", new EvalCommand());
        commands.put("bench", new BenchCommand());
        commands.put("calibrate", new CalibrateCommand());
        commands.put("console", new ConsoleCommand());
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println((args[0].startsWith("-") ? "unknown option: " : "unknown command: ") + args[0]);
            err.print(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return command.run(rest, out);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e);
            return 1;
        }
    }

    /** Wrong words on the command line; the usage follows the message. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
