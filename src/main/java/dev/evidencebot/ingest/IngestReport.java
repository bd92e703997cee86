package dev.evidencebot.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one ingest run did, URL by URL.
 *
 * @param sitemap the sitemap read; null when pages were named
 * @param corpus  the corpus directory written into
 * @param error   why nothing could be done at all (the sitemap unreachable, say); null otherwise
 * @param notes   run-wide remarks, such as removals held back because part of a sitemap could not be read
 */
public record IngestReport(String sitemap, String corpus, String error, List<String> notes, List<PageOutcome> pages) {

    public IngestReport {
        notes = List.copyOf(notes);
        pages = List.copyOf(pages);
    }

    @JsonProperty("counts")
    public Map<PageOutcome.Outcome, Integer> counts() {
        Map<PageOutcome.Outcome, Integer> counts = new EnumMap<>(PageOutcome.Outcome.class);
        for (PageOutcome.Outcome outcome : PageOutcome.Outcome.values()) {
            counts.put(outcome, 0);
        }
        pages.forEach(page -> counts.merge(page.outcome(), 1, Integer::sum));
        return counts;
    }

    /**
     * True when the run achieved nothing: a fatal error, or URLs to fetch and not one fetched,
     * found unchanged or removed. The command's exit status follows this.
     */
    @JsonIgnore
    public boolean nothingDone() {
        if (error != null) {
            return true;
        }
        Map<PageOutcome.Outcome, Integer> counts = counts();
        int done = counts.get(PageOutcome.Outcome.FETCHED) + counts.get(PageOutcome.Outcome.UNCHANGED)
                + counts.get(PageOutcome.Outcome.REMOVED);
        return !pages.isEmpty() && done == 0;
    }
}
