package dev.evidencebot.corpus;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems met while reading, in the order they were met. */
final class ProblemLog {

    private final List<Problem> problems = new ArrayList<>();

    void report(String file, int line, String message) {
        problems.add(new Problem(file, line, message));
    }

    void report(SourceFile file, int line, String message) {
        report(file.path(), line, message);
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }
}
