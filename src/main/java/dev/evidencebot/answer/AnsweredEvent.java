package dev.evidencebot.answer;

import java.time.Instant;
import java.util.List;

/**
 * Published once for every answer to a question a door let through, after it is complete. The
 * pipeline announces and forgets: whoever keeps a record of questions listens for this, so the
 * answer path knows nothing of storage.
 *
 * @param door       "api", "stream", "widget", "slack" or "cli"
 * @param clientKey  who asked as the door knows them (IP address, Slack user), may be null; a
 *                   listener that stores it must not keep it in the clear
 * @param evidence   the evidence level's name ({@link dev.evidencebot.evidence.EvidenceLevel}), null when none
 * @param latencyMs  wall-clock time from question to finished answer
 */
public record AnsweredEvent(
        String answerId,
        Instant at,
        String door,
        String conversationId,
        String question,
        boolean abstained,
        String evidence,
        List<CitedReference> citations,
        String composer,
        String fallbackReason,
        long latencyMs,
        String clientKey) {

    public AnsweredEvent {
        citations = List.copyOf(citations);
    }

    /** One marker of the answer: the article it quotes and, when it cites one, the article's reference number. */
    public record CitedReference(int marker, String articleId, Integer referenceNumber) {
    }

    static AnsweredEvent of(Question question, Answer answer, Instant at, long latencyMs) {
        List<CitedReference> cited = answer.citations().stream()
                .map(citation -> new CitedReference(citation.marker(), citation.article().id(),
                        citation.reference() == null ? null : citation.reference().number()))
                .toList();
        return new AnsweredEvent(answer.id(), at, question.origin().door(), answer.conversationId(), question.text(),
                answer.abstained(), answer.evidence() == null || answer.evidence().level() == null ? null
                : answer.evidence().level().name(), cited, answer.composer(), answer.fallbackReason(), latencyMs,
                question.origin().clientKey());
    }
}
