package dev.evidencebot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.AnswerService;
import dev.evidencebot.answer.Question;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** `ask QUESTION`: the answer for a person; `ask --json QUESTION`: the API's JSON. */
final class AskCommand implements Command {

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        List<String> words = new ArrayList<>(args);
        boolean json = words.remove("--json");
        String question = String.join(" ", words).strip();
        if (question.isEmpty()) {
            throw new Cli.UsageException("ask needs a question, e.g. ask \"Does Semax reduce anxiety?\"");
        }
        if (question.length() > Question.MAX_LENGTH) {
            throw new Cli.UsageException("the question is " + question.length() + " characters; the limit is " + Question.MAX_LENGTH);
        }
        try (ApplicationContext context = Contexts.start()) {
            Answer answer = context.getBean(AnswerService.class).answer(Question.of(question).from(new Question.Origin("cli", null)));
            if (json) {
                out.println(context.getBean(ObjectMapper.class).copy().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(answer));
            } else {
                out.println(answer.answer());
            }
            return 0;
        }
    }
}
