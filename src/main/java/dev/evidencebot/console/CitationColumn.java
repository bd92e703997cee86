package dev.evidencebot.console;

import dev.evidencebot.answer.AnsweredEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * An answer's citations as one text column of its row, in marker order, one per line:
 * {@code <reference number or empty> TAB <article id>}. A column rather than a table of its own
 * because the log is written at the rate answers are given and only ever read an answer at a
 * time: a row per citation, with its two indexes, doubled what each logged answer cost the
 * database (the logging-cost target of issue 11), for queries nobody runs.
 */
final class CitationColumn {

    /** The column's width in the schema; whole citations past it are left out. */
    static final int MAX_LENGTH = 4000;

    private CitationColumn() {
    }

    static String write(List<AnsweredEvent.CitedReference> citations) {
        if (citations.isEmpty()) {
            return null;
        }
        StringBuilder column = new StringBuilder();
        for (AnsweredEvent.CitedReference cited : citations) {
            String line = (cited.referenceNumber() == null ? "" : cited.referenceNumber().toString()) + '\t'
                    + oneLine(cited.articleId());
            if (column.length() + line.length() + 1 > MAX_LENGTH) {
                break;
            }
            if (!column.isEmpty()) {
                column.append('\n');
            }
            column.append(line);
        }
        return column.toString();
    }

    static List<ConsoleQueries.Cited> read(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        List<ConsoleQueries.Cited> cited = new ArrayList<>();
        for (String line : column.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue; // not written by this class
            }
            String reference = line.substring(0, tab);
            cited.add(new ConsoleQueries.Cited(line.substring(tab + 1), reference.isEmpty() ? null : Integer.valueOf(reference)));
        }
        return List.copyOf(cited);
    }

    /** Article ids come from file names: a tab or line break in one would split the entry. */
    private static String oneLine(String articleId) {
        String id = articleId.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        return id.length() > 500 ? id.substring(0, 500) : id;
    }
}
