package dev.evidencebot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.AnswerService;
import dev.evidencebot.answer.Citation;
import dev.evidencebot.answer.Question;
import io.micronaut.context.ApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * `eval`: asks every question of the evaluation set through the AnswerService and scores the answers:
 * <ul>
 *   <li>retrieval hit rate: answerable questions whose answer cites at least one expected reference;</li>
 *   <li>citation precision: cited references that were expected, over all cited references;</li>
 *   <li>level accuracy: answerable questions whose overall evidence level is the expected one;</li>
 *   <li>abstention accuracy: questions where the bot abstained exactly when it should.</li>
 * </ul>
 * Questions that share a "conversation" are asked in file order with the same conversationId.
 */
final class EvalCommand implements Command {

    static final Path DEFAULT_FILE = Path.of("eval/questions.jsonl");

    @Override
    public int run(List<String> args, PrintStream out) throws IOException {
        Path file = DEFAULT_FILE;
        int at = args.indexOf("--file");
        if (at >= 0) {
            if (at + 1 >= args.size()) {
                throw new Cli.UsageException("--file needs a path");
            }
            file = Path.of(args.get(at + 1));
        }
        List<EvalCase> cases = read(file);
        try (ApplicationContext context = Contexts.start()) {
            Contexts.loaded(context);
            EvalReport report = evaluate(context.getBean(AnswerService.class), cases);
            if (args.contains("--json")) {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                report.print(out);
            }
            return 0;
        }
    }

    static EvalReport evaluate(AnswerService answers, List<EvalCase> cases) {
        Map<String, String> conversations = new HashMap<>();
        int answerable = 0;
        int hits = 0;
        int levelsRight = 0;
        int abstentionsRight = 0;
        int cited = 0;
        int citedExpected = 0;
        List<String> failures = new ArrayList<>();
        for (EvalCase evalCase : cases) {
            String conversationId = evalCase.conversation() == null ? null : conversations.get(evalCase.conversation());
            Answer answer = answers.answer(new Question(evalCase.question(), conversationId));
            if (evalCase.conversation() != null) {
                conversations.put(evalCase.conversation(), answer.conversationId());
            }
            Set<Integer> references = new LinkedHashSet<>();
            for (Citation citation : answer.citations()) {
                if (citation.reference() != null) {
                    references.add(citation.reference().number());
                }
            }
            if (answer.abstained() == evalCase.abstain()) {
                abstentionsRight++;
            } else {
                failures.add(evalCase.id() + ": expected abstain=" + evalCase.abstain() + ", got " + answer.abstained());
            }
            for (int reference : references) {
                cited++;
                if (evalCase.expectedReferences().contains(reference)) {
                    citedExpected++;
                } else {
                    failures.add(evalCase.id() + ": cited unexpected reference " + reference);
                }
            }
            for (String phrase : evalCase.mustSay()) {
                if (!answer.answer().toLowerCase().contains(phrase.toLowerCase())) {
                    failures.add(evalCase.id() + ": answer does not say \"" + phrase + "\"");
                }
            }
            for (String phrase : evalCase.mustNotSay()) {
                if (answer.answer().toLowerCase().contains(phrase.toLowerCase())) {
                    failures.add(evalCase.id() + ": answer says \"" + phrase + "\"");
                }
            }
            if (evalCase.abstain()) {
                continue;
            }
            answerable++;
            if (references.stream().anyMatch(evalCase.expectedReferences()::contains)
                    || (evalCase.expectedReferences().isEmpty() && !answer.citations().isEmpty())) {
                hits++;
            } else {
                failures.add(evalCase.id() + ": no expected reference cited (expected " + evalCase.expectedReferences()
                        + ", cited " + references + ")");
            }
            if (answer.evidence().level().name().equals(evalCase.expectedLevel())) {
                levelsRight++;
            } else {
                failures.add(evalCase.id() + ": level " + answer.evidence().level() + ", expected " + evalCase.expectedLevel());
            }
        }
        return new EvalReport(cases.size(), answerable, ratio(hits, answerable), ratio(citedExpected, cited),
                ratio(levelsRight, answerable), ratio(abstentionsRight, cases.size()), failures);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    static List<EvalCase> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Cli.UsageException("no evaluation set at " + file.toAbsolutePath());
        }
        ObjectMapper json = new ObjectMapper();
        List<EvalCase> cases = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (IOException e) {
                throw new IOException(file + ":" + (i + 1) + ": not valid JSON: " + e.getMessage(), e);
            }
            List<Integer> expected = new ArrayList<>();
            node.path("expectedReferences").forEach(n -> expected.add(n.asInt()));
            List<String> mustSay = new ArrayList<>();
            node.path("mustSay").forEach(n -> mustSay.add(n.asText()));
            List<String> mustNotSay = new ArrayList<>();
            node.path("mustNotSay").forEach(n -> mustNotSay.add(n.asText()));
            cases.add(new EvalCase(node.path("id").asText("line " + (i + 1)), node.path("kind").asText("paraphrase"),
                    node.path("question").asText(), node.hasNonNull("conversation") ? node.get("conversation").asText() : null,
                    expected, node.path("expectedLevel").asText(null), node.path("abstain").asBoolean(false),
                    mustSay, mustNotSay, node.hasNonNull("article") ? node.get("article").asText() : null));
        }
        return cases;
    }

    /** One line of the evaluation set. */
    record EvalCase(String id, String kind, String question, String conversation, List<Integer> expectedReferences,
                    String expectedLevel, boolean abstain, List<String> mustSay, List<String> mustNotSay,
                    String article) {
    }

    /** The scores, and every case that cost a point, so a failure can be read and fixed. */
    record EvalReport(int questions, int answerable, double retrievalHitRate, double citationPrecision,
                      double levelAccuracy, double abstentionAccuracy, List<String> failures) {

        void print(PrintStream out) {
            out.printf("questions            %d (%d answerable)%n", questions, answerable);
            out.printf("retrieval hit rate   %.1f%%%n", 100 * retrievalHitRate);
            out.printf("citation precision   %.1f%%%n", 100 * citationPrecision);
            out.printf("level accuracy       %.1f%%%n", 100 * levelAccuracy);
            out.printf("abstention accuracy  %.1f%%%n", 100 * abstentionAccuracy);
            failures.forEach(failure -> out.println("  miss " + failure));
        }
    }
}
