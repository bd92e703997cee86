package dev.evidencebot.corpus;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks every article passes after its reader, whatever its format: corpus files are the
 * site's data, but not trusted to be harmless. A passage that addresses a machine
 * ({@link PlantedInstructions}) is left out, so no composer ever reads it, and reported as a
 * problem naming its file and line, so the editor can find and remove it. A URL that is not
 * http(s) (javascript:, data:, file:) is dropped and reported: the widget and Slack make URLs
 * clickable.
 */
final class UntrustedText {

    private UntrustedText() {
    }

    static List<Article> screen(List<Article> articles, String file, ProblemLog problems) {
        List<Article> screened = new ArrayList<>(articles.size());
        for (Article article : articles) {
            if (!safeId(article.id())) {
                problems.report(file, article.passages().isEmpty() ? 0 : article.passages().get(0).line(),
                        "article id must not contain '/', '\\' or '..' (it names files next to the article); article skipped");
                continue;
            }
            screened.add(screen(article, file, problems));
        }
        return screened;
    }

    private static Article screen(Article article, String file, ProblemLog problems) {
        List<Passage> kept = new ArrayList<>(article.passages().size());
        for (Passage passage : article.passages()) {
            if (PlantedInstructions.addressesAMachine(passage.text())) {
                problems.report(file, passage.line(), "text addressed to an AI system or giving it instructions is left out "
                        + "(never a passage): \"" + excerpt(passage.text()) + "\"");
            } else {
                kept.add(passage);
            }
        }
        String url = article.url();
        if (url != null && !webAddress(url)) {
            problems.report(file, 0, "url '" + excerpt(url) + "' of article '" + article.id()
                    + "' is not an http(s) address; it is dropped");
            url = null;
        }
        List<Reference> references = new ArrayList<>(article.references().size());
        boolean referencesChanged = false;
        for (Reference reference : article.references()) {
            List<String> urls = reference.urls().stream().filter(UntrustedText::webAddress).toList();
            if (urls.size() != reference.urls().size()) {
                problems.report(file, 0, "reference " + reference.number() + " of article '" + article.id()
                        + "' has a URL that is not an http(s) address; it is dropped");
                reference = new Reference(reference.number(), reference.text(), reference.authors(), reference.title(),
                        reference.source(), reference.year(), reference.pmid(), reference.doi(), urls, reference.citedInText());
                referencesChanged = true;
            }
            references.add(reference);
        }
        if (kept.size() == article.passages().size() && java.util.Objects.equals(url, article.url()) && !referencesChanged) {
            return article;
        }
        return new Article(article.id(), article.source(), article.format(), article.title(), article.author(), article.date(),
                url, article.sections(), kept, references, article.record());
    }

    /**
     * An id names the article's curator sidecar ({@code <id>.evidence.json} beside it): one that
     * could climb out of its folder ("../../outside/planted") or hide control characters is refused.
     */
    static boolean safeId(String id) {
        return !id.contains("/") && !id.contains("\\") && !id.contains("..") && id.chars().noneMatch(Character::isISOControl);
    }

    /** An absolute http or https URL with a host: all a reader should be sent to. */
    static boolean webAddress(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.toLowerCase(Locale.ROOT).equals("http") || scheme.toLowerCase(Locale.ROOT).equals("https"))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 100 ? oneLine : oneLine.substring(0, 97) + "...";
    }
}
