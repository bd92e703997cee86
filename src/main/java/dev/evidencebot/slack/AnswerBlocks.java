package dev.evidencebot.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.AnswerTexts;
import dev.evidencebot.answer.Citation;
import dev.evidencebot.answer.EvidenceSummary;
import dev.evidencebot.evidence.Grading;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * An answer as a Slack Block Kit message: the question, the answer text in sections, the
 * numbered sources, the evidence level, and the share / feedback buttons. Everything fits Slack's
 * limits (3,000 characters a section, 50 blocks a message).
 */
final class AnswerBlocks {

    static final int MAX_BLOCKS = 50;
    static final String SHARE_ACTION = "evidencebot_share";
    static final String FEEDBACK_UP_ACTION = "evidencebot_feedback_up";
    static final String FEEDBACK_DOWN_ACTION = "evidencebot_feedback_down";
    static final String EPHEMERAL = "ephemeral";
    static final String IN_CHANNEL = "in_channel";
    /** Block ids: answer sections are "answer-0", "answer-1", ...; source sections "sources-0", ... */
    static final String ANSWER_BLOCK = "answer-";
    static final String SOURCES_BLOCK = "sources-";
    static final String EVIDENCE_BLOCK = "evidence";

    private static final String EVIDENCE_LINE_PREFIX = "Evidence level:";
    /** Where the pipeline's own sources list starts: a paragraph opening with its heading. */
    private static final String SOURCES_PARAGRAPH = "\n\n" + AnswerTexts.SOURCES_HEADING + "\n";
    private static final int MAX_SOURCE_SECTIONS = 10;
    private static final int FALLBACK_TEXT_LENGTH = 300;

    private AnswerBlocks() {
    }

    /** The asker's private copy, with a button to share it and buttons to rate it. */
    static ActionResponse ephemeral(AskedAnswer asked) {
        return message(EPHEMERAL, asked, blocks(asked, null));
    }

    /** The copy everyone in the channel sees; it names who shared it and has no share button. */
    static ActionResponse inChannel(AskedAnswer asked, String sharedByUserId) {
        return message(IN_CHANNEL, asked, blocks(asked, sharedByUserId));
    }

    /** A short private message: an acknowledgement, an apology, a refusal. */
    static ActionResponse notice(String mrkdwn) {
        return ActionResponse.builder().responseType(EPHEMERAL).text(mrkdwn).build();
    }

    static List<LayoutBlock> blocks(AskedAnswer asked, String sharedByUserId) {
        Answer answer = asked.answer();
        boolean shared = sharedByUserId != null;

        List<LayoutBlock> head = new ArrayList<>();
        head.add(context("question", List.of(markdownText("*Q:* " + Mrkdwn.escape(limit(asked.question(), 2900))))));
        if (answer.abstained()) {
            head.add(section(s -> s.blockId("abstained").text(markdownText(
                    ":grey_question: *I can't answer that from the evidence I have.*"))));
        }

        List<LayoutBlock> tail = new ArrayList<>();
        List<String> sources = sourceSections(answer.citations());
        if (!sources.isEmpty()) {
            tail.add(divider());
            for (int i = 0; i < sources.size(); i++) {
                String id = SOURCES_BLOCK + i;
                String text = sources.get(i);
                tail.add(section(s -> s.blockId(id).text(markdownText(text))));
            }
        }
        String evidence = evidenceLine(answer);
        if (evidence != null) {
            tail.add(context(EVIDENCE_BLOCK, List.of(markdownText(limit(evidence, SectionSplitter.SECTION_TEXT_LIMIT)))));
        }
        if (shared) {
            tail.add(context("shared-by", List.of(markdownText("Shared by <@" + Mrkdwn.escape(sharedByUserId) + ">"))));
        }
        if (answer.id() != null) {
            tail.add(actions("actions", buttons(answer.id(), shared)));
        }

        List<LayoutBlock> blocks = new ArrayList<>(head);
        List<String> sections = answerSections(body(answer.answer()), MAX_BLOCKS - head.size() - tail.size());
        for (int i = 0; i < sections.size(); i++) {
            String id = ANSWER_BLOCK + i;
            String text = sections.get(i);
            blocks.add(section(s -> s.blockId(id).text(markdownText(text))));
        }
        blocks.addAll(tail);
        return blocks;
    }

    /** The answer text as mrkdwn without its closing "Evidence level:" line, which gets its own block. */
    static String bodyMrkdwn(Answer answer) {
        return body(answer.answer());
    }

    private static String body(String markdown) {
        String text = markdown == null ? "" : markdown.strip();
        int lastLine = text.lastIndexOf('\n') + 1;
        if (text.startsWith(EVIDENCE_LINE_PREFIX, lastLine)) {
            text = text.substring(0, lastLine).stripTrailing();
        }
        // the pipeline's plain-text sources paragraph (raw URLs) would repeat the Sources block below
        int sources = text.lastIndexOf(SOURCES_PARAGRAPH);
        if (sources >= 0) {
            text = text.substring(0, sources).stripTrailing();
        } else if (text.startsWith(AnswerTexts.SOURCES_HEADING + "\n")) {
            text = "";
        }
        return Mrkdwn.fromMarkdown(text);
    }

    /** The answer in sections; when even 50 blocks cannot hold it, the last section says what was left out. */
    private static List<String> answerSections(String mrkdwn, int blocksAvailable) {
        List<String> pieces = SectionSplitter.split(mrkdwn, SectionSplitter.SECTION_TEXT_LIMIT);
        if (pieces.isEmpty()) {
            return List.of("_(The answer is empty.)_");
        }
        if (pieces.size() <= blocksAvailable) {
            return pieces;
        }
        List<String> kept = new ArrayList<>(pieces.subList(0, blocksAvailable - 1));
        int omitted = pieces.subList(blocksAvailable - 1, pieces.size()).stream().mapToInt(String::length).sum();
        kept.add("_… " + omitted + " more characters of this answer do not fit in one Slack message._");
        return kept;
    }

    private static List<String> sourceSections(List<Citation> citations) {
        if (citations.isEmpty()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder("*Sources*");
        for (Citation citation : citations) {
            text.append('\n').append(sourceLine(citation));
        }
        List<String> sections = SectionSplitter.split(text.toString(), SectionSplitter.SECTION_TEXT_LIMIT);
        return sections.size() <= MAX_SOURCE_SECTIONS ? sections : sections.subList(0, MAX_SOURCE_SECTIONS);
    }

    /** "[1] <url|Title> (2019) · randomized controlled trial · 30 stroke patients · evidence: moderate", then any warnings. */
    static String sourceLine(Citation citation) {
        StringBuilder line = new StringBuilder("*[").append(citation.marker()).append("]* ");
        Citation.ReferenceRef reference = citation.reference();
        if (reference != null) {
            line.append(linked(referenceUrl(reference), referenceTitle(reference)));
            if (reference.year() != null) {
                line.append(" (").append(reference.year()).append(')');
            }
        } else if (citation.article() != null) {
            line.append("from ").append(linked(citation.article().url(), citation.article().title()))
                    .append(", a passage that cites no study");
        }
        Grading grading = citation.evidence();
        if (grading != null) {
            line.append(" · ").append(grading.studyType().words());
            if (grading.population() != null && !grading.population().isBlank()) {
                line.append(" · ").append(Mrkdwn.escape(limit(grading.population(), 120)));
            }
            line.append(" · evidence: ").append(grading.level().words());
            for (String warning : grading.warnings()) {
                line.append("\n      :warning: ").append(Mrkdwn.escape(limit(warning, 400)));
            }
        }
        return line.toString();
    }

    private static String evidenceLine(Answer answer) {
        EvidenceSummary evidence = answer.evidence();
        // an abstention's line is the pipeline's plain one ("none — no source ... answers this"), not the scale's "uncited"
        if (evidence != null && evidence.level() != null && !answer.abstained()) {
            String summary = evidence.summary() == null || evidence.summary().isBlank()
                    ? "" : " — " + Mrkdwn.escape(evidence.summary().strip());
            return EVIDENCE_LINE_PREFIX + " *" + evidence.level().words() + "*" + summary;
        }
        String text = answer.answer() == null ? "" : answer.answer().strip();
        int lastLine = text.lastIndexOf('\n') + 1;
        return text.startsWith(EVIDENCE_LINE_PREFIX, lastLine) ? Mrkdwn.fromMarkdown(text.substring(lastLine)) : null;
    }

    private static List<BlockElement> buttons(String answerId, boolean shared) {
        List<BlockElement> buttons = new ArrayList<>();
        if (!shared) {
            buttons.add(button(SHARE_ACTION, "Share in channel", answerId, "primary"));
        }
        buttons.add(button(FEEDBACK_UP_ACTION, ":thumbsup: Helpful", answerId, null));
        buttons.add(button(FEEDBACK_DOWN_ACTION, ":thumbsdown: Not helpful", answerId, null));
        return buttons;
    }

    private static ButtonElement button(String actionId, String label, String value, String style) {
        return ButtonElement.builder()
                .actionId(actionId)
                .text(plainText(pt -> pt.text(label).emoji(true)))
                .value(value)
                .style(style)
                .build();
    }

    private static ActionResponse message(String responseType, AskedAnswer asked, List<LayoutBlock> blocks) {
        return ActionResponse.builder()
                .responseType(responseType)
                .text(fallbackText(asked))
                .blocks(blocks)
                .build();
    }

    /** What notifications and screen readers show in place of the blocks. */
    static String fallbackText(AskedAnswer asked) {
        return "Answer to: " + Mrkdwn.escape(limit(asked.question(), FALLBACK_TEXT_LENGTH));
    }

    private static String referenceUrl(Citation.ReferenceRef reference) {
        if (isWebUrl(reference.url())) {
            return reference.url().strip();
        }
        if (reference.doi() != null && !reference.doi().isBlank()) {
            return "https://doi.org/" + reference.doi().strip();
        }
        if (reference.pmid() != null && !reference.pmid().isBlank()) {
            return "https://pubmed.ncbi.nlm.nih.gov/" + reference.pmid().strip() + "/";
        }
        return null;
    }

    private static String referenceTitle(Citation.ReferenceRef reference) {
        if (reference.title() != null && !reference.title().isBlank()) {
            return reference.title().strip();
        }
        if (reference.text() != null && !reference.text().isBlank()) {
            return limit(reference.text().strip(), 200);
        }
        return "Reference " + reference.number();
    }

    private static String linked(String url, String title) {
        String label = Mrkdwn.escape(limit(title == null || title.isBlank() ? String.valueOf(url) : title, 300));
        return isWebUrl(url) ? Mrkdwn.link(url.strip(), label) : label;
    }

    private static boolean isWebUrl(String url) {
        return url != null && (url.strip().startsWith("https://") || url.strip().startsWith("http://"));
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
