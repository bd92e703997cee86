package dev.evidencebot.corpus;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one reference entry ("Kolomin, T et al. “Title” Journal, 2013 ... URL") as far as its text
 * allows. Titles stand inside curly or straight quotes, which may nest or never close; without
 * quotes the title is the sentence after the author part ("Asmarin IP, el at. Title. 1997;...").
 * Identifiers come from the text ("PMID: 123", "doi: 10.x/y") or, failing that, from the links
 * (doi.org, a publisher URL holding a DOI, a PubMed URL).
 */
final class ReferenceEntryParser {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"“”]+");
    private static final Pattern DOI_LABEL = Pattern.compile("\\bdoi:?\\s*(10\\.\\d{4,9}/\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/[^\\s?#]+");
    // publisher pages append a view to the DOI path: .../10.3389/fnhum.2012.00189/full
    private static final Pattern DOI_VIEW_SUFFIX = Pattern.compile("/(?:full|abstract|pdf|epdf|fulltext|html|meta|references)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PMID_LABEL = Pattern.compile("\\bPMID:?\\s*(\\d{1,9})\\b");
    private static final Pattern PUBMED_URL = Pattern.compile("(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov/|ncbi\\.nlm\\.nih\\.gov/pubmed/)(\\d{1,9})");
    // a year stands alone: not part of a longer number, a decimal, or a page range such as 1997-2003
    private static final Pattern YEAR = Pattern.compile("(?<![\\d.])(?<!\\d[-–])(19\\d{2}|20\\d{2})(?!\\d)(?![-–]\\d)");
    // "et al." and the typo "el at." both end the author part
    private static final Pattern ET_AL = Pattern.compile("^(.*?\\b(?:et|el)\\.?\\s*(?:al|at)\\b\\.?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SOURCE_END = Pattern.compile("\\d|[,;(\\[]|\\bPMID\\b|https?://|\\bdoi\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("[.?!](?=\\s|$)");
    private static final String TRIM_AFTER_TITLE = " .,;:”\"";

    private ReferenceEntryParser() {
    }

    /** The entry parsed; citedInText is false here, the article decides it. */
    static Reference parse(int number, String text) {
        List<String> urls = urls(text);
        TitleSplit split = splitTitle(text);
        String authors = blankToNull(stripEnd(split.authors(), ",;: "));
        return new Reference(number, text, authors, blankToNull(split.title()), source(split.rest()),
                year(split, urls), pmid(text), doi(text, urls), urls, false);
    }

    private record TitleSplit(String authors, String title, String rest) {
    }

    private static TitleSplit splitTitle(String text) {
        int curly = text.indexOf('“');
        int straight = text.indexOf('"');
        if (curly >= 0 && (straight < 0 || curly < straight)) {
            int close = closingCurlyQuote(text, curly);
            if (close > 0) {
                return quoted(text, curly, close);
            }
        } else if (straight >= 0) {
            int close = text.indexOf('"', straight + 1);
            if (close > 0) {
                return quoted(text, straight, close);
            }
        }
        return unquoted(text);
    }

    /**
     * The index of the quote closing the one at {@code open}, counting nested “…” pairs. When the
     * outer quote never closes (“On the “default mode network” and the “social brain” Front Hum...)
     * the title runs through the last closing quote, the end of the last inner quotation.
     */
    private static int closingCurlyQuote(String text, int open) {
        int depth = 0;
        int lastClose = -1;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '“') {
                depth++;
            } else if (c == '”') {
                depth--;
                lastClose = i;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return lastClose < 0 ? -1 : lastClose + 1;
    }

    private static TitleSplit quoted(String text, int open, int close) {
        String title = stripEnd(text.substring(open + 1, close).trim(), ".,;: ");
        return new TitleSplit(text.substring(0, open), balanceParentheses(title), text.substring(Math.min(close + 1, text.length())));
    }

    /** No quotes: authors end at "et al." or the first full stop, the title is the next sentence. */
    private static TitleSplit unquoted(String text) {
        Matcher etAl = ET_AL.matcher(text);
        int authorsEnd;
        if (etAl.find()) {
            authorsEnd = etAl.end();
        } else {
            Matcher stop = SENTENCE_END.matcher(text);
            authorsEnd = stop.find() ? stop.end() : 0;
        }
        String authors = text.substring(0, authorsEnd);
        String afterAuthors = text.substring(authorsEnd);
        Matcher stop = SENTENCE_END.matcher(afterAuthors);
        if (!stop.find()) {
            return new TitleSplit(authors, balanceParentheses(afterAuthors.trim()), "");
        }
        // keep a closing '?' or '!' as part of the title, drop a full stop
        char mark = afterAuthors.charAt(stop.start());
        String title = afterAuthors.substring(0, stop.start()).trim() + (mark == '.' ? "" : String.valueOf(mark));
        return new TitleSplit(authors, balanceParentheses(title), afterAuthors.substring(stop.end()));
    }

    /** "stroke (a clinical study" lost its ")" to the closing quote; give it back. */
    private static String balanceParentheses(String title) {
        long open = title.chars().filter(c -> c == '(').count();
        long close = title.chars().filter(c -> c == ')').count();
        return open > close ? title + ")".repeat((int) (open - close)) : title;
    }

    /** The journal: the words after the title up to the first number, comma, identifier or link. */
    private static String source(String rest) {
        String trimmed = stripStart(rest, TRIM_AFTER_TITLE);
        Matcher end = SOURCE_END.matcher(trimmed);
        String candidate = end.find() ? trimmed.substring(0, end.start()) : trimmed;
        candidate = stripEnd(candidate.trim(), ". ");
        return candidate.chars().anyMatch(Character::isLetter) ? candidate : null;
    }

    /** The publication year after the title, else before it, else in it; never one inside a link or DOI. */
    private static Integer year(TitleSplit split, List<String> urls) {
        for (String part : List.of(split.rest(), split.authors(), split.title())) {
            String plain = part;
            for (String url : urls) {
                plain = plain.replace(url, " ");
            }
            plain = DOI.matcher(plain).replaceAll(" ");
            Matcher year = YEAR.matcher(plain);
            if (year.find()) {
                return Integer.valueOf(year.group(1));
            }
        }
        return null;
    }

    private static String pmid(String text) {
        Matcher label = PMID_LABEL.matcher(text);
        if (label.find()) {
            return label.group(1);
        }
        Matcher url = PUBMED_URL.matcher(text);
        return url.find() ? url.group(1) : null;
    }

    private static String doi(String text, List<String> urls) {
        Matcher label = DOI_LABEL.matcher(text);
        if (label.find()) {
            return cleanDoi(label.group(1));
        }
        for (String url : urls) {
            String decoded = URLDecoder.decode(url, StandardCharsets.UTF_8);
            Matcher doi = DOI.matcher(decoded);
            if (doi.find()) {
                String found = cleanDoi(doi.group());
                return decoded.contains("doi.org/") ? found : DOI_VIEW_SUFFIX.matcher(found).replaceAll("");
            }
        }
        Matcher bare = DOI.matcher(text);
        return bare.find() ? cleanDoi(bare.group()) : null;
    }

    private static String cleanDoi(String doi) {
        return stripEnd(doi, ".,;)]");
    }

    private static List<String> urls(String text) {
        List<String> urls = new ArrayList<>();
        Matcher url = URL.matcher(text);
        while (url.find()) {
            String found = stripEnd(url.group(), ".,;:");
            if (found.endsWith(")") && found.chars().filter(c -> c == '(').count() < found.chars().filter(c -> c == ')').count()) {
                found = found.substring(0, found.length() - 1);
            }
            urls.add(found);
        }
        return urls;
    }

    private static String stripEnd(String text, String characters) {
        int end = text.length();
        while (end > 0 && characters.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String stripStart(String text, String characters) {
        int start = 0;
        while (start < text.length() && characters.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        return text.substring(start);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
