package dev.evidencebot.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plain-text export of a web article (what a browser's "select all, copy" gives). Such
 * a file has no markup, so each non-blank line is classified by its shape and its neighbours:
 * <ul>
 *   <li><b>prose</b>: ends in terminal punctuation (a trailing citation marker aside) and is not a
 *       short question; or, after the first prose, runs past {@value #LONG_LINE} words anyway.</li>
 *   <li><b>header zone</b>: every line before the first prose or the first heading. There a date
 *       ("Oct 7, 2024") is the date, "N min read" the reading time, "Written by ..." the byline,
 *       and the longest line starting with a capital the title; the rest ("top of page") is
 *       chrome.</li>
 *   <li><b>heading</b>: a short line without terminal punctuation whose next line is prose; or one
 *       whose next line is such a heading and which does not echo the text before it (a parent
 *       heading with no text of its own).</li>
 *   <li><b>caption or chrome</b>: any other short line, e.g. a line after a paragraph followed by
 *       a heading, another short line or the reference list ("Semax is derived from ...", which
 *       echoes the paragraph above; "Buy Semax"). Neither is a claim, so neither is kept.</li>
 *   <li><b>references</b>: a "References" line followed by numbered entries ("  1. ..."); an
 *       entry continues on following lines until a blank line; whatever follows the list after a
 *       blank line (the repeated date, "bottom of page") is chrome.</li>
 * </ul>
 * Lines of one block (no blank line between) join into one paragraph when both are prose or the
 * second starts in lower case, as a wrapped paragraph does.
 */
final class WebPageTextReader implements ArticleReader {

    static final int LONG_LINE = 20;
    private static final int SHORT_QUESTION = 15;
    private static final Pattern REFERENCES_HEADING = Pattern.compile(
            "(?i)(references|sources|bibliography|works cited|citations)\\s*:?");
    private static final Pattern NUMBERED = Pattern.compile("(\\d{1,3})[.)]\\s+(.+)");
    private static final Pattern READING_TIME = Pattern.compile("(?i)\\d+\\s*min(ute)?s?\\.?\\s+read");
    private static final Pattern BYLINE = Pattern.compile("(?i)(?:written by|by|author:)\\s+(.+)");
    private static final Pattern META_SEPARATOR = Pattern.compile("\\s+[·•|]\\s+");
    private static final Pattern TRAILING_MARKERS = Pattern.compile("(\\s*[(\\[][\\d\\s,\\-–]+[)\\]])+$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d][\\p{L}\\d'’-]*");
    private static final Set<String> COMMON_WORDS = Set.of("that", "this", "with", "from", "have", "were", "been",
            "their", "they", "which", "into", "your", "about", "also", "more", "when", "than", "such", "what", "does");

    /** A non-blank stretch of the file: one line, or several joined into a paragraph. */
    private static final class Item {
        final Paragraph.Builder paragraph = new Paragraph.Builder();
        final int block;
        final int line;
        String text;
        boolean prose;

        Item(String text, int line, int block) {
            this.text = text;
            this.line = line;
            this.block = block;
            paragraph.add(text, line);
        }
    }

    @Override
    public List<Article> read(SourceFile file, ProblemLog problems) {
        ArticleAssembler article = new ArticleAssembler(file, file.baseName(), Article.Format.WEB_PAGE_TEXT);
        int referencesAt = referencesHeading(file);
        List<Item> items = items(file, referencesAt < 0 ? file.lines().size() : referencesAt);
        int body = readHeader(items, article);
        readBody(items, body, article);
        if (referencesAt >= 0) {
            readReferences(file, referencesAt + 1, article);
        }
        return List.of(article.build(problems));
    }

    /** The 0-based index of the "References" line that a numbered entry follows, or -1. */
    private static int referencesHeading(SourceFile file) {
        List<String> lines = file.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (!REFERENCES_HEADING.matcher(Text.normalize(lines.get(i))).matches()) {
                continue;
            }
            for (int j = i + 1; j < lines.size(); j++) {
                String next = Text.normalize(lines.get(j));
                if (!next.isEmpty()) {
                    if (NUMBERED.matcher(next).matches()) {
                        return i;
                    }
                    break;
                }
            }
        }
        return -1;
    }

    private static List<Item> items(SourceFile file, int end) {
        List<Item> items = new ArrayList<>();
        int block = 0;
        boolean seenProse = false;
        for (int i = 0; i < end; i++) {
            String text = Text.normalize(file.lines().get(i));
            if (text.isEmpty()) {
                block++;
                continue;
            }
            Item previous = items.isEmpty() ? null : items.get(items.size() - 1);
            boolean prose = isProse(text, seenProse);
            boolean wrapped = previous != null && previous.block == block
                    && ((previous.prose && prose) || (!isTerminal(previous.text) && Character.isLowerCase(text.charAt(0))));
            if (wrapped) {
                previous.paragraph.add(text, i + 1);
                previous.text = previous.text + " " + text;
                previous.prose = isProse(previous.text, seenProse);
            } else {
                Item item = new Item(text, i + 1, block);
                item.prose = prose;
                items.add(item);
            }
            seenProse |= items.get(items.size() - 1).prose;
        }
        return items;
    }

    private static boolean isProse(String text, boolean afterFirstProse) {
        if (!afterFirstProse && isMeta(text)) {
            return false;
        }
        boolean shortQuestion = text.endsWith("?") && Text.wordCount(text) <= SHORT_QUESTION;
        return (isTerminal(text) && !shortQuestion) || (afterFirstProse && Text.wordCount(text) > LONG_LINE);
    }

    private static boolean isTerminal(String text) {
        String end = TRAILING_MARKERS.matcher(text).replaceAll("");
        end = end.replaceAll("[\"”’')\\]]+$", "");
        return !end.isEmpty() && ".!?…".indexOf(end.charAt(end.length() - 1)) >= 0;
    }

    /** Date, reading time or byline: the lines a page prints about the article rather than in it. */
    private static boolean isMeta(String text) {
        for (String part : META_SEPARATOR.split(text)) {
            if (DateParser.toIso(part) != null || READING_TIME.matcher(part).matches() || BYLINE.matcher(part).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Fills title, date and author from the header zone; returns the index of the first body item. */
    private static int readHeader(List<Item> items, ArticleAssembler article) {
        int body = 0;
        while (body < items.size() && !items.get(body).prose && !isFirstHeading(items, body)) {
            body++;
        }
        String title = null;
        for (Item item : items.subList(0, body)) {
            for (String part : META_SEPARATOR.split(item.text)) {
                Matcher byline = BYLINE.matcher(part);
                String date = DateParser.toIso(part);
                if (date != null) {
                    article.date(date);
                } else if (byline.matches()) {
                    article.author(byline.group(1));
                } else if (!READING_TIME.matcher(part).matches() && startsLikeTitle(part)
                        && (title == null || Text.wordCount(part) > Text.wordCount(title))) {
                    title = part;
                }
            }
        }
        // no title line above the first heading: that heading is the title (a page without a date line)
        if (title == null && body < items.size() && !items.get(body).prose) {
            title = items.get(body).text;
            body++;
        }
        article.title(title);
        return body;
    }

    private static boolean isFirstHeading(List<Item> items, int at) {
        return at + 1 < items.size() && items.get(at + 1).prose && !isMeta(items.get(at).text);
    }

    private static boolean startsLikeTitle(String text) {
        char first = text.charAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first) || "\"“‘'".indexOf(first) >= 0;
    }

    private static void readBody(List<Item> items, int from, ArticleAssembler article) {
        String heading = null;
        Item lastProse = null;
        for (int i = from; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.prose) {
                article.paragraph(item.paragraph.build());
                lastProse = item;
            } else if (isHeading(items, i, heading, lastProse)) {
                heading = item.text;
                article.section(heading);
            }
            // otherwise a caption or page chrome: not a claim, not kept
        }
    }

    private static boolean isHeading(List<Item> items, int at, String heading, Item lastProse) {
        boolean beforeProse = at + 1 < items.size() && items.get(at + 1).prose;
        if (beforeProse) {
            return true;
        }
        boolean beforeHeading = at + 2 < items.size() && !items.get(at + 1).prose && items.get(at + 2).prose;
        return beforeHeading && !echoes(items.get(at).text, heading, lastProse);
    }

    /** Whether a short line repeats at least two words of the section it stands in: the sign of a caption. */
    private static boolean echoes(String line, String heading, Item lastProse) {
        Set<String> nearby = stems((heading == null ? "" : heading) + " " + (lastProse == null ? "" : lastProse.text));
        int shared = 0;
        for (String stem : stems(line)) {
            if (nearby.contains(stem)) {
                shared++;
            }
        }
        return shared >= 2;
    }

    // four-letter prefixes, so "studies" echoes "study" and "showed" echoes "show"
    private static Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        Matcher word = WORD.matcher(text.toLowerCase());
        while (word.find()) {
            String w = word.group();
            if (w.length() >= 4 && !COMMON_WORDS.contains(w)) {
                stems.add(w.substring(0, 4));
            }
        }
        return stems;
    }

    /** Numbered entries after the heading; an entry runs on until a blank line, a new number or the end. */
    private static void readReferences(SourceFile file, int from, ArticleAssembler article) {
        Integer number = null;
        StringBuilder entry = new StringBuilder();
        int entryLine = 0;
        boolean blankBefore = false;
        for (int i = from; i < file.lines().size(); i++) {
            String text = Text.normalize(file.lines().get(i));
            Matcher numbered = NUMBERED.matcher(text);
            if (text.isEmpty()) {
                blankBefore = true;
            } else if (numbered.matches()) {
                if (number != null) {
                    article.reference(number, entry.toString(), entryLine);
                }
                number = Integer.valueOf(numbered.group(1));
                entry.setLength(0);
                entry.append(numbered.group(2));
                entryLine = i + 1;
                blankBefore = false;
            } else if (number != null && !blankBefore) {
                entry.append(' ').append(text);
            } else {
                break; // the list is over; what follows is page chrome
            }
        }
        if (number != null) {
            article.reference(number, entry.toString(), entryLine);
        }
    }
}
