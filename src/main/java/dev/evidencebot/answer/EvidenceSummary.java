package dev.evidencebot.answer;

import dev.evidencebot.evidence.EvidenceLevel;

/**
 * The answer's overall evidence: the strongest level among the sources it cites, and what kinds
 * of studies stand behind it and what is missing.
 */
public record EvidenceSummary(EvidenceLevel level, String summary) {
}
