package dev.evidencebot.ingest;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fetches a site's pages into the corpus directory, politely: one request at a time with a pause
 * between, robots.txt obeyed, the sitemap's host only, and a conditional GET for every page fetched
 * before so an unchanged page costs the site a 304. Every URL ends up in the report with what
 * happened to it; nothing here throws for a single bad page.
 */
public final class SiteIngester {

    /** Articles are rarely over a few hundred KB; anything this large is not one. */
    static final long MAX_PAGE_BYTES = 10L * 1024 * 1024;

    private final IngestSettings settings;

    public SiteIngester(IngestSettings settings) {
        this.settings = settings;
    }

    /**
     * @return what was fetched, unchanged, skipped, removed or failed; {@link IngestReport#error()} is set
     *         when nothing could be done (the sitemap unreachable, the state file unreadable)
     * @throws InterruptedException when the run is interrupted; pages fetched so far stay recorded
     */
    public IngestReport ingest(IngestRequest request) throws InterruptedException {
        String corpus = settings.corpus().toString();
        IngestState state;
        try {
            state = IngestState.load(settings.corpus());
        } catch (IOException e) {
            return failure(request, e.getMessage());
        }
        Fetcher fetcher = new Fetcher(settings);
        Run run = new Run(fetcher, new RobotsTxt(fetcher), new PageFiles(settings.corpus()), state);
        List<String> notes = new ArrayList<>();
        try {
            if (request.sitemap() == null) {
                for (String url : request.pages()) {
                    run.fetchNamed(url);
                }
            } else {
                String error = run.fetchSitemap(request.sitemap(), new SitemapReader(fetcher), notes);
                if (error != null) {
                    return new IngestReport(request.sitemap(), corpus, error, notes, run.outcomes);
                }
            }
        } finally {
            try {
                state.save();
            } catch (IOException e) {
                notes.add("ingest state could not be saved (" + e.getMessage() + "); the next run fetches these pages again");
            }
        }
        return new IngestReport(request.sitemap(), corpus, null, notes, run.outcomes);
    }

    private IngestReport failure(IngestRequest request, String error) {
        return new IngestReport(request.sitemap(), settings.corpus().toString(), error, List.of(), List.of());
    }

    /** One run's collaborators and the outcomes it gathers. */
    private static final class Run {

        private final Fetcher fetcher;
        private final RobotsTxt robots;
        private final PageFiles files;
        private final IngestState state;
        private final List<PageOutcome> outcomes = new ArrayList<>();

        Run(Fetcher fetcher, RobotsTxt robots, PageFiles files, IngestState state) {
            this.fetcher = fetcher;
            this.robots = robots;
            this.files = files;
            this.state = state;
        }

        /** @return why nothing could be done, or null */
        String fetchSitemap(String url, SitemapReader reader, List<String> notes) throws InterruptedException {
            URI sitemapUri;
            try {
                sitemapUri = Hosts.parse(url);
            } catch (IllegalArgumentException e) {
                return "sitemap " + url + ": " + e.getMessage();
            }
            SitemapReader.Sitemap sitemap;
            try {
                sitemap = reader.read(sitemapUri);
            } catch (Fetcher.FetchException e) {
                return "sitemap " + sitemapUri + " could not be read: " + e.getMessage();
            }
            outcomes.addAll(sitemap.leftOut());
            String owner = sitemapUri.toString();
            Set<String> listed = new HashSet<>();
            for (URI page : sitemap.pages()) {
                listed.add(page.toString());
                fetch(page, owner);
            }
            if (!sitemap.complete()) {
                // An unread child sitemap may still list the pages that look gone; deleting them would be a guess.
                notes.add("no pages removed: " + String.join(", ", sitemap.unread()) + " could not be read");
                return null;
            }
            for (Map.Entry<String, IngestState.Entry> entry : state.entries().entrySet()) {
                if (owner.equals(entry.getValue().sitemap()) && !listed.contains(entry.getKey())) {
                    remove(entry.getKey(), entry.getValue());
                }
            }
            return null;
        }

        void fetchNamed(String url) throws InterruptedException {
            URI page;
            try {
                page = Hosts.parse(url);
            } catch (IllegalArgumentException e) {
                outcomes.add(new PageOutcome(url, PageOutcome.Outcome.FAILED, null, e.getMessage()));
                return;
            }
            IngestState.Entry earlier = state.get(page.toString());
            // Fetching a sitemap's page by hand does not take it out of the sitemap's care.
            fetch(page, earlier == null ? null : earlier.sitemap());
        }

        private void fetch(URI page, String sitemap) throws InterruptedException {
            String url = page.toString();
            String refusal = robots.refusal(page);
            if (refusal != null) {
                outcomes.add(new PageOutcome(url, PageOutcome.Outcome.SKIPPED, null, refusal));
                return;
            }
            IngestState.Entry earlier = state.get(url);
            // Validators are only worth sending while the file they vouch for is still there.
            boolean conditional = earlier != null && files.exists(earlier.file());
            Fetcher.Response response;
            try {
                response = fetcher.get(page, conditional ? earlier.etag() : null,
                        conditional ? earlier.lastModified() : null, MAX_PAGE_BYTES);
            } catch (Fetcher.FetchException e) {
                outcomes.add(new PageOutcome(url, PageOutcome.Outcome.FAILED, null, e.getMessage()));
                return;
            }
            if (response.status() == 304 && conditional) {
                // a 304 may carry fresher validators; keep the old ones only where it sent none
                state.put(url, new IngestState.Entry(earlier.file(),
                        response.etag() != null ? response.etag() : earlier.etag(),
                        response.lastModified() != null ? response.lastModified() : earlier.lastModified(), sitemap));
                outcomes.add(new PageOutcome(url, PageOutcome.Outcome.UNCHANGED, earlier.file(), "304 not modified"));
                return;
            }
            if (!response.ok()) {
                outcomes.add(new PageOutcome(url, PageOutcome.Outcome.FAILED, null, "HTTP " + response.status()));
                return;
            }
            String extension = PageText.extensionFor(response.mediaType());
            if (extension == null) {
                outcomes.add(new PageOutcome(url, PageOutcome.Outcome.SKIPPED, null, response.mediaType().isEmpty()
                        ? "no content type; only HTML and Markdown pages are saved"
                        : "content type " + response.mediaType() + " is not an article; only HTML and Markdown pages are saved"));
                return;
            }
            save(page, sitemap, earlier, response, extension);
        }

        private void save(URI page, String sitemap, IngestState.Entry earlier, Fetcher.Response response, String extension) {
            String url = page.toString();
            String name = PageFiles.nameFor(page, extension);
            if (state.ownerOf(name, url) != null) {
                name = PageFiles.disambiguated(name, page);
            }
            String text = PageText.decode(response.body(), response.contentType());
            try {
                if (earlier != null && !earlier.file().equals(name)) {
                    files.delete(earlier.file()); // the page changed type (or name); the old file must not linger
                }
                boolean same = text.equals(files.read(name));
                if (!same) {
                    files.write(name, text);
                }
                state.put(url, new IngestState.Entry(name, response.etag(), response.lastModified(), sitemap));
                outcomes.add(same
                        ? new PageOutcome(url, PageOutcome.Outcome.UNCHANGED, name, "same content as on disk")
                        : new PageOutcome(url, PageOutcome.Outcome.FETCHED, name, null));
            } catch (IOException | IllegalArgumentException e) {
                outcomes.add(new PageOutcome(url, PageOutcome.Outcome.FAILED, name, "cannot write " + name + ": " + e.getMessage()));
            }
        }

        private void remove(String url, IngestState.Entry entry) {
            try {
                files.delete(entry.file());
                state.remove(url);
                outcomes.add(new PageOutcome(url, PageOutcome.Outcome.REMOVED, entry.file(), "no longer in the sitemap"));
            } catch (IOException | IllegalArgumentException e) {
                outcomes.add(new PageOutcome(url, PageOutcome.Outcome.FAILED, entry.file(),
                        "no longer in the sitemap, but " + entry.file() + " could not be deleted: " + e.getMessage()));
            }
        }
    }
}
