package dev.evidencebot.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown (what answers are written in) to Slack mrkdwn (what Slack renders). Text from the
 * corpus is escaped first, so a stray "<" in an article cannot become a Slack link or mention.
 */
final class Mrkdwn {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)]\\((https?://[^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*$");
    private static final Pattern BULLET = Pattern.compile("(?m)^(\\s*)[-*+]\\s+");
    // single-star emphasis; the look-arounds keep "**bold**" and "2 * 3 * 4" out of it
    private static final Pattern ITALIC_STAR = Pattern.compile("(?<![*\\w])\\*(?![*\\s])([^*\\n]+?)(?<![*\\s])\\*(?![*\\w])");
    private static final Pattern BOLD = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");

    private Mrkdwn() {
    }

    /** Escapes the three characters Slack gives meaning to in text: &, <, >. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The answer's markdown as Slack mrkdwn, with everything from the corpus escaped. */
    static String fromMarkdown(String markdown) {
        String text = escape(markdown);
        text = ITALIC_STAR.matcher(text).replaceAll("_$1_");
        text = BOLD.matcher(text).replaceAll("*$2*");
        text = STRIKE.matcher(text).replaceAll("~$1~");
        text = HEADING.matcher(text).replaceAll("*$1*");
        text = BULLET.matcher(text).replaceAll("$1• ");
        return replaceLinks(text);
    }

    /**
     * {@code <url|label>} from a raw URL and an already escaped label. Slack reads "|" as the end
     * of the URL, so it is percent-encoded; &, <, > are escaped like any other text.
     */
    static String link(String rawUrl, String escapedLabel) {
        return "<" + escape(rawUrl.replace("|", "%7C")) + "|" + escapedLabel + ">";
    }

    private static String replaceLinks(String text) {
        Matcher matcher = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String url = matcher.group(2).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            matcher.appendReplacement(out, Matcher.quoteReplacement(link(url, matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
