package dev.evidencebot.slack;

import java.util.regex.Pattern;

/** A Slack message's text as the question a person meant: without the bot's tag, unescaped. */
final class MessageText {

    // a leading tag is how people address the bot ("@Evidence Bot does semax…"), whoever's id it is
    private static final Pattern LEADING_TAGS = Pattern.compile("^(\\s*<@[A-Z0-9]+(\\|[^>]*)?>[\\s,:]*)+");

    private MessageText() {
    }

    /** The question in {@code text}: the bot's tag removed wherever it is, any leading tags, then Slack's three escapes undone. */
    static String question(String text, String botUserId) {
        if (text == null) {
            return "";
        }
        String question = text;
        if (botUserId != null) {
            question = question.replaceAll("<@" + Pattern.quote(botUserId) + "(\\|[^>]*)?>[,:]?", " ");
        }
        question = LEADING_TAGS.matcher(question).replaceFirst("");
        // Slack escapes exactly these three in message text; &amp; last so "&amp;lt;" stays "&lt;"
        question = question.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return question.strip().replaceAll("[ \\t]{2,}", " ");
    }
}
