package dev.evidencebot.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PubMed's MEDLINE export (".nbib", or the ".txt" PubMed's "Save" gives): records separated by
 * blank lines, one field a line as {@code TAG - value}, a long value continued on lines indented by six
 * spaces. Each record is a primary source (see {@link PubmedCitation}); a broken record is reported and
 * the others still load.
 */
final class MedlineArticleReader implements ArticleReader {

    /** "PMID- 9930001", "TI  - Title": a tag of two to four capitals or digits, padded to four, then "- ". */
    private static final Pattern FIELD = Pattern.compile("^([A-Z][A-Z0-9]{1,3}) *- ?(.*)$");
    private static final String CONTINUATION = "      ";
    private static final Pattern DOI = Pattern.compile("^(\\S+)\\s*\\[doi\\]$");

    /** Whether a ".txt" file is a MEDLINE export: its first non-blank line is a PMID field. */
    static boolean recognizes(SourceFile file) {
        int first = firstNonBlank(file);
        return first > 0 && file.lines().get(first - 1).startsWith("PMID-");
    }

    /** The 1-based number of the first line with text, or 0 when there is none. */
    private static int firstNonBlank(SourceFile file) {
        for (int i = 0; i < file.lines().size(); i++) {
            if (!file.lines().get(i).isBlank()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** One record's fields in file order: each tag's values, and the line each tag first appears on. */
    private record Fields(int line, Map<String, List<String>> values, Map<String, Integer> lines) {
        Fields(int line) {
            this(line, new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        String first(String tag) {
            List<String> list = values.get(tag);
            return list == null ? null : list.get(0);
        }

        List<String> all(String tag) {
            return values.getOrDefault(tag, List.of());
        }
    }

    @Override
    public List<Article> read(SourceFile file, ProblemLog problems) {
        int first = firstNonBlank(file);
        if (file.lines().stream().noneMatch(line -> FIELD.matcher(line).matches())) {
            // a web page or a CSV saved as .nbib: one problem says so, not one for every line
            problems.report(file, first, "no MEDLINE field (\"TAG - value\") in the file; not a PubMed MEDLINE"
                    + " export; file skipped");
            return List.of();
        }
        List<Article> articles = new ArrayList<>();
        Fields record = null;
        String tag = null;
        for (int i = 0; i < file.lines().size(); i++) {
            String line = file.lines().get(i);
            Matcher field = FIELD.matcher(line);
            if (line.isBlank()) {
                addArticle(articles, record, file, problems);
                record = null;
            } else if (line.startsWith(CONTINUATION) && record != null && tag != null) {
                List<String> values = record.values().get(tag);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.trim());
            } else if (field.matches()) {
                if (record == null) {
                    record = new Fields(i + 1);
                }
                tag = field.group(1);
                record.values().computeIfAbsent(tag, t -> new ArrayList<>()).add(field.group(2).trim());
                record.lines().putIfAbsent(tag, i + 1);
            } else {
                problems.report(file, i + 1, "line is neither a MEDLINE field (\"TAG - value\") nor a continuation"
                        + " (six spaces); line skipped");
            }
        }
        addArticle(articles, record, file, problems);
        return articles;
    }

    private static void addArticle(List<Article> articles, Fields record, SourceFile file, ProblemLog problems) {
        if (record == null) {
            return;
        }
        Article article = citation(record).toArticle(file, problems);
        if (article != null) {
            articles.add(article);
        }
    }

    private static PubmedCitation citation(Fields record) {
        PubmedCitation citation = new PubmedCitation(record.line());
        citation.pmid = record.first("PMID");
        citation.title = record.first("TI");
        String abstractText = record.first("AB");
        if (abstractText != null) {
            citation.abstractParts.addAll(PrimarySources.parts(List.of(abstractText)));
            citation.abstractLine = record.lines().get("AB");
        }
        // AU is what a reference list shows ("Doe J"); FAU ("Doe, Jane") only when the short form is missing
        citation.authors.addAll(record.all("AU").isEmpty() ? record.all("FAU") : record.all("AU"));
        citation.journal = record.first("JT") != null ? record.first("JT") : record.first("TA");
        citation.year = PubmedCitation.yearOf(record.first("DP"));
        citation.publicationTypes.addAll(record.all("PT"));
        for (String heading : record.all("MH")) {
            citation.meshHeadings.add(PubmedCitation.descriptor(heading));
        }
        List<String> ids = new ArrayList<>(record.all("AID"));
        ids.addAll(record.all("LID"));
        for (String id : ids) {
            Matcher doi = DOI.matcher(id);
            if (doi.matches() && citation.doi == null) {
                citation.doi = doi.group(1);
            }
        }
        return citation;
    }
}
