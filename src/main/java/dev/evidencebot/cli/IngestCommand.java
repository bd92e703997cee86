package dev.evidencebot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.evidencebot.ingest.IngestReport;
import dev.evidencebot.ingest.IngestRequest;
import dev.evidencebot.ingest.IngestSettings;
import dev.evidencebot.ingest.PageOutcome;
import dev.evidencebot.ingest.SiteIngester;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * `ingest --sitemap URL` / `ingest URL…`: fetches pages into the corpus directory and reports, URL
 * by URL, what was fetched, unchanged, skipped, removed or failed. Exits 1 only when nothing could
 * be done, so a cron job notices an unreachable site but not one broken link.
 */
final class IngestCommand implements Command {

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        boolean json = false;
        String sitemap = null;
        Path corpus = null;
        Duration delay = IngestSettings.DEFAULT_DELAY;
        Duration timeout = IngestSettings.DEFAULT_TIMEOUT;
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--json" -> json = true;
                case "--sitemap" -> sitemap = value(args, ++i, arg);
                case "--corpus" -> corpus = Path.of(value(args, ++i, arg));
                case "--delay" -> delay = seconds(value(args, ++i, arg), arg, true);
                case "--timeout" -> timeout = seconds(value(args, ++i, arg), arg, false);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new Cli.UsageException("unknown option for ingest: " + arg);
                    }
                    pages.add(arg);
                }
            }
        }
        if ((sitemap == null) == pages.isEmpty()) {
            throw new Cli.UsageException("ingest needs either --sitemap URL or one or more page URLs");
        }
        IngestSettings settings = IngestSettings.defaults(corpus == null ? Contexts.corpusDirectory() : corpus)
                .withDelay(delay).withTimeout(timeout);
        IngestRequest request = sitemap == null ? IngestRequest.pages(pages) : IngestRequest.sitemap(sitemap);
        IngestReport report = new SiteIngester(settings).ingest(request);
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            print(report, out);
        }
        return report.nothingDone() ? 1 : 0;
    }

    private static void print(IngestReport report, PrintStream out) {
        out.println("ingest " + (report.sitemap() == null ? "pages" : report.sitemap()) + " into " + report.corpus());
        for (PageOutcome page : report.pages()) {
            StringBuilder line = new StringBuilder(String.format("  %-9s %s", page.outcome().name().toLowerCase(Locale.ROOT), page.url()));
            if (page.file() != null) {
                line.append(" -> ").append(page.file());
            }
            if (page.reason() != null) {
                line.append(" (").append(page.reason()).append(')');
            }
            out.println(line);
        }
        report.notes().forEach(note -> out.println("  note: " + note));
        if (report.error() != null) {
            out.println("nothing done: " + report.error());
        }
        StringBuilder counts = new StringBuilder();
        report.counts().forEach((outcome, count) -> counts.append(counts.length() == 0 ? "" : ", ")
                .append(count).append(' ').append(outcome.name().toLowerCase(Locale.ROOT)));
        out.println(counts);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new Cli.UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    private static Duration seconds(String value, String option, boolean zeroAllowed) {
        try {
            double seconds = Double.parseDouble(value);
            if (seconds < 0 || (!zeroAllowed && seconds == 0) || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(option + " takes seconds" + (zeroAllowed ? " (0 or more)" : " (more than 0)") + ": " + value);
        }
    }
}
