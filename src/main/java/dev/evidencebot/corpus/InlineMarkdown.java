package dev.evidencebot.corpus;

import java.util.regex.Pattern;

/** Strips the simple inline markup a claim should not carry: images, links, bold, emphasis, code. */
final class InlineMarkdown {

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    // a link needs "(" right after "]", so a "[3]" citation marker is left alone
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern BOLD = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*(?=\\S)(.+?)(?<=\\S)\\*(?![\\w*])");
    private static final Pattern UNDERSCORE_EMPHASIS = Pattern.compile("(?<!\\w)_(?=\\S)(.+?)(?<=\\S)_(?!\\w)");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    private InlineMarkdown() {
    }

    static String strip(String line) {
        String text = CODE.matcher(line).replaceAll(match -> quote(match.group(1)));
        text = IMAGE.matcher(text).replaceAll("");
        text = LINK.matcher(text).replaceAll(match -> quote(match.group(1)));
        text = BOLD.matcher(text).replaceAll(match -> quote(match.group(2)));
        text = EMPHASIS.matcher(text).replaceAll(match -> quote(match.group(1)));
        text = UNDERSCORE_EMPHASIS.matcher(text).replaceAll(match -> quote(match.group(1)));
        return Text.normalize(text);
    }

    private static String quote(String replacement) {
        return java.util.regex.Matcher.quoteReplacement(replacement);
    }
}
