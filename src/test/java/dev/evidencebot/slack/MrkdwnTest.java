package dev.evidencebot.slack;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MrkdwnTest {

    @Test
    void boldItalicAndStrikeBecomeSlackMarks() {
        assertEquals("*bold* and _italic_ and ~gone~ and *also bold*",
                Mrkdwn.fromMarkdown("**bold** and *italic* and ~~gone~~ and __also bold__"));
    }

    @Test
    void textFromTheCorpusIsEscapedSoItCannotMentionOrLink() {
        assertEquals("IL-6 &lt; 5 &amp; TNF &gt; 2 &lt;!channel&gt;", Mrkdwn.fromMarkdown("IL-6 < 5 & TNF > 2 <!channel>"));
    }

    @Test
    void markersArithmeticAndListsSurvive() {
        assertEquals("Doses of 2 * 3 * 4 mg [1][2].\n• first [3]\n• second",
                Mrkdwn.fromMarkdown("Doses of 2 * 3 * 4 mg [1][2].\n- first [3]\n* second"));
    }

    @Test
    void headingsAndLinksAreConverted() {
        assertEquals("*Findings*\nSee <https://example.org/a?x=1&amp;y=2|the review>.",
                Mrkdwn.fromMarkdown("## Findings\nSee [the review](https://example.org/a?x=1&y=2)."));
    }

    @Test
    void aPipeInALinkUrlCannotEndTheUrlEarly() {
        assertEquals("<https://example.org/a%7Cb|label>", Mrkdwn.link("https://example.org/a|b", "label"));
    }
}
