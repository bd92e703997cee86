package dev.evidencebot.corpus;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** The YAML block between "---" lines at the top of a Markdown file: title, author, date, url. */
final class FrontMatter {

    static final String TITLE = "title";
    static final String AUTHOR = "author";
    static final String DATE = "date";
    static final String URL = "url";
    private static final String FENCE = "---";
    /** A top-level "key: value" whose plain (unquoted, not a list or block) value holds ": " or ends in ":". */
    private static final Pattern PLAIN_VALUE_WITH_COLON = Pattern.compile(
            "([A-Za-z_][\\w-]*):[ \\t]+([^'\"\\[{|>&*!#\\s][^#]*?(?::\\s.*|:))\\s*");

    private FrontMatter() {
    }

    /**
     * Fills the article's metadata from the front matter and returns the 0-based index of the first
     * body line. A broken front matter is reported and the body is still read.
     */
    static int read(SourceFile file, ArticleAssembler article, ProblemLog problems) {
        List<String> lines = file.lines();
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            return 0;
        }
        int close = -1;
        for (int i = 1; i < lines.size() && close < 0; i++) {
            String line = lines.get(i).strip();
            if (line.equals(FENCE) || line.equals("...")) {
                close = i;
            }
        }
        if (close < 0) {
            problems.report(file, 1, "front matter opened with --- on line 1 is never closed by a --- line;"
                    + " metadata ignored, the text after the first blank line is read as the body");
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    return i + 1;
                }
            }
            return lines.size();
        }
        Object yaml = parse(file, lines.subList(1, close), problems);
        if (yaml instanceof Map<?, ?> fields) {
            apply(file, fields, article, problems);
        } else if (yaml != null) {
            problems.report(file, 2, "front matter must be a mapping of title:, author:, date:, url:, but is a "
                    + (yaml instanceof Collection ? "list" : "single value") + "; metadata ignored");
        }
        return close + 1;
    }

    private static Object parse(SourceFile file, List<String> block, ProblemLog problems) {
        try {
            return load(String.join("\n", block));
        } catch (MarkedYAMLException e) {
            Object repaired = withColonsQuoted(file, block, problems);
            if (repaired != null) {
                return repaired;
            }
            // the mark counts from 0 inside the block, which starts on file line 2
            int line = e.getProblemMark() == null ? 2 : e.getProblemMark().getLine() + 2;
            problems.report(file, line, "front matter is not valid YAML: " + e.getProblem() + "; metadata ignored");
        } catch (YAMLException e) {
            problems.report(file, 2, "front matter is not valid YAML: " + e.getMessage() + "; metadata ignored");
        }
        return null;
    }

    private static Object load(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    /**
     * "title: Caffeine: friend or foe" is invalid YAML (a second ": " inside a plain value), and it is
     * what most authors write. When quoting such values is all it takes to parse, the block is read
     * that way and each quoted line is reported, so the author can quote it and nothing is lost
     * meanwhile. Returns null when the block is broken in some other way as well.
     */
    private static Object withColonsQuoted(SourceFile file, List<String> block, ProblemLog problems) {
        List<String> quoted = new ArrayList<>(block);
        List<Integer> repaired = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            Matcher field = PLAIN_VALUE_WITH_COLON.matcher(block.get(i));
            if (field.matches()) {
                quoted.set(i, field.group(1) + ": '" + field.group(2).replace("'", "''") + "'");
                repaired.add(i);
            }
        }
        if (repaired.isEmpty()) {
            return null;
        }
        Object yaml;
        try {
            yaml = load(String.join("\n", quoted));
        } catch (YAMLException e) {
            return null;
        }
        for (int i : repaired) {
            Matcher field = PLAIN_VALUE_WITH_COLON.matcher(block.get(i));
            field.matches();
            // the block starts on file line 2
            problems.report(file, i + 2, field.group(1) + ": holds a colon without quotes, which YAML does not allow;"
                    + " read as \"" + field.group(2) + "\" (quote it: " + field.group(1) + ": \""
                    + field.group(2).replace("\"", "\\\"") + "\")");
        }
        return yaml;
    }

    private static void apply(SourceFile file, Map<?, ?> fields, ArticleAssembler article, ProblemLog problems) {
        article.title(text(fields.get(TITLE)));
        article.author(text(fields.get(AUTHOR)));
        article.url(text(fields.get(URL)));
        Object date = fields.get(DATE);
        if (date instanceof Date instant) {
            // YAML reads an unquoted 2024-10-07 as a timestamp at UTC midnight
            article.date(instant.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString());
        } else if (date != null) {
            String iso = DateParser.toIso(date.toString());
            if (iso == null) {
                problems.report(file, lineOf(file, DATE), "front matter date '" + date
                        + "' is not a date (write 2024-10-07 or Oct 7, 2024); date left empty");
            }
            article.date(iso);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        String text = Text.normalize(value.toString());
        return text.isEmpty() ? null : text;
    }

    private static int lineOf(SourceFile file, String key) {
        for (int i = 1; i < file.lines().size(); i++) {
            if (file.lines().get(i).startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 1;
    }
}
