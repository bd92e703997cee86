package dev.evidencebot.corpus;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Markdown article: optional YAML front matter (title, author, date, url), "#" headings,
 * paragraphs with inline citation markers, and a numbered list under a "## References" heading.
 * A level-1 heading is the title when the front matter gives none (or repeats it), otherwise a
 * section. List items are paragraphs of their own; code blocks, tables, rules and image lines
 * are not claims and are skipped.
 */
final class MarkdownArticleReader implements ArticleReader {

    private static final Pattern HEADING = Pattern.compile("\\s{0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*");
    private static final Pattern REFERENCES_HEADING = Pattern.compile(
            "(?i)(references|sources|bibliography|works cited|citations|notes)\\s*:?");
    private static final Pattern NUMBERED = Pattern.compile("\\s*(\\d{1,3})[.)]\\s+(.+)");
    private static final Pattern BULLET = Pattern.compile("\\s*(?:[-*+]|\\d{1,3}[.)])\\s+(.+)");
    private static final Pattern RULE = Pattern.compile("(?:\\*\\s*){3,}|(?:-\\s*){3,}|(?:_\\s*){3,}");
    private static final Pattern IMAGE_LINE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern FENCE = Pattern.compile("\\s*(```|~~~).*");

    @Override
    public List<Article> read(SourceFile file, ProblemLog problems) {
        ArticleAssembler article = new ArticleAssembler(file, file.baseName(), Article.Format.MARKDOWN);
        int bodyStart = FrontMatter.read(file, article, problems);
        new Body(article).read(file, bodyStart);
        return List.of(article.build(problems));
    }

    /** The walk over body lines, holding the paragraph or reference entry being gathered. */
    private static final class Body {
        private final ArticleAssembler article;
        private Paragraph.Builder paragraph = new Paragraph.Builder();
        private boolean inReferences;
        private Integer number;
        private StringBuilder entry;
        private int entryLine;

        Body(ArticleAssembler article) {
            this.article = article;
        }

        void read(SourceFile file, int from) {
            boolean inCode = false;
            for (int i = from; i < file.lines().size(); i++) {
                String raw = file.lines().get(i);
                String text = Text.normalize(raw);
                int line = i + 1;
                if (FENCE.matcher(raw).matches()) {
                    flush();
                    inCode = !inCode;
                } else if (inCode) {
                    continue;
                } else if (text.isEmpty()) {
                    flush();
                } else if (HEADING.matcher(raw).matches()) {
                    flush();
                    heading(HEADING.matcher(raw));
                } else if (inReferences) {
                    reference(text, line);
                } else if (RULE.matcher(text).matches() || IMAGE_LINE.matcher(text).matches()
                        || text.startsWith("|") || text.startsWith("<")) {
                    flush(); // rules, image lines, tables and raw HTML carry no claims
                } else {
                    prose(text, line);
                }
            }
            flush();
        }

        private void heading(Matcher heading) {
            heading.matches();
            String text = InlineMarkdown.strip(heading.group(2));
            boolean level1 = heading.group(1).length() == 1;
            inReferences = REFERENCES_HEADING.matcher(text).matches();
            if (inReferences) {
                return;
            }
            if (level1 && article.title() == null) {
                article.title(text);
            } else if (!(level1 && text.equals(article.title()))) {
                article.section(text);
            }
        }

        private void reference(String text, int line) {
            Matcher numbered = NUMBERED.matcher(text);
            if (numbered.matches()) {
                flush();
                number = Integer.valueOf(numbered.group(1));
                entry = new StringBuilder(numbered.group(2));
                entryLine = line;
            } else if (entry != null) {
                entry.append(' ').append(text);
            }
        }

        private void prose(String text, int line) {
            String stripped = text.startsWith(">") ? text.replaceFirst("^>+\\s*", "") : text;
            Matcher bullet = BULLET.matcher(stripped);
            if (bullet.matches()) {
                flush();
                stripped = bullet.group(1);
            }
            paragraph.add(InlineMarkdown.strip(stripped), line);
        }

        private void flush() {
            if (!paragraph.isEmpty()) {
                article.paragraph(paragraph.build());
                paragraph = new Paragraph.Builder();
            }
            if (entry != null) {
                article.reference(number, Text.normalize(InlineMarkdown.strip(entry.toString())), entryLine);
                entry = null;
            }
        }
    }
}
