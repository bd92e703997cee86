package dev.evidencebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlArticleReaderTest {

    private final ProblemLog problems = new ProblemLog();

    private Article read(String name) throws IOException {
        return read(name, fixture(name), HtmlSelectors.DEFAULTS);
    }

    private Article read(String name, String html) {
        return read(name, html, HtmlSelectors.DEFAULTS);
    }

    private Article read(String name, String html, HtmlSelectors selectors) {
        SourceFile file = new SourceFile(name, name, Arrays.asList(html.split("\n", -1)));
        List<Article> articles = new HtmlArticleReader(selectors).read(file, problems);
        assertEquals(1, articles.size(), problems.problems().toString());
        return articles.get(0);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = HtmlArticleReaderTest.class.getResourceAsStream("/html/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Passage passage(Article article, String start) {
        return article.passages().stream().filter(p -> p.text().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no passage starting '" + start + "' in " + texts(article)));
    }

    private static List<String> texts(Article article) {
        return article.passages().stream().map(Passage::text).collect(Collectors.toList());
    }

    private static List<String> sections(Article article) {
        return article.sections().stream().map(Section::heading).collect(Collectors.toList());
    }

    // --- citation markers -------------------------------------------------------------------------

    @Test
    void everyMarkerStyleBecomesCitationNumbers() throws IOException {
        // given a page citing with <sup>1</sup>, <sup><a href="#ref-2">2</a></sup>, <sup>1,3</sup>, [2], (3) and (1–3)
        // when it is read
        Article article = read("caffeine-sleep.html");

        // then each sentence carries its numbers and none of the marker text
        assertEquals("Caffeine taken six hours before bed shortened total sleep time.",
                passage(article, "Caffeine taken six hours").text());
        assertEquals(List.of(1), passage(article, "Caffeine taken six hours").markers());
        assertEquals(List.of(2), passage(article, "A crossover trial").markers());
        assertEquals(List.of(1, 3), passage(article, "Older adults").markers());
        assertEquals("The effect on deep sleep was consistent across studies.",
                passage(article, "The effect on deep sleep").text());
        assertEquals(List.of(2), passage(article, "The effect on deep sleep").markers());
        assertEquals(List.of(3), passage(article, "Habitual drinkers").markers());
        assertEquals("Doses of 200 mg or more had the largest effects.", passage(article, "Doses of 200 mg").text());
        assertEquals(List.of(1, 2, 3), passage(article, "Doses of 200 mg").markers(), "a range expands");
        assertEquals(List.of(), problems.problems());
    }

    @Test
    void aSuperscriptAfterANumberIsAnExponentNotACitation() throws IOException {
        // given "10<sup>6</sup> molecules"
        // when it is read
        Article article = read("caffeine-sleep.html");

        // then the sentence keeps the exponent as a power and cites nothing
        assertEquals("Blood levels peaked near 10^6 molecules per cell in the model.",
                passage(article, "Blood levels").text());
        assertEquals(List.of(), passage(article, "Blood levels").markers());
    }

    @Test
    void linkedSuperscriptsAndSuperscriptRangesCite() throws IOException {
        // given <a href="#ref-1"><sup>1</sup></a> and <sup>2–3</sup>
        // when it is read
        Article article = read("hydration-title.html");

        // then the link's number and the range's numbers are the markers
        assertEquals(List.of(1), passage(article, "Adults working outdoors").markers());
        assertEquals(List.of(2, 3), passage(article, "Thirst lagged").markers());
        assertEquals("Thirst lagged behind that loss in older people.", passage(article, "Thirst lagged").text());
    }

    // --- structure --------------------------------------------------------------------------------

    @Test
    void headingsBecomeSectionsAndTheH1IsTheTitle() throws IOException {
        // given the fixture with an h1, two h2 (one of them References) and an h3
        // when it is read
        Article article = read("caffeine-sleep.html");

        // then the h1 is the title and the others are sections; the reference heading is not one
        assertEquals("Caffeine and Sleep", article.title());
        assertEquals(Article.Format.HTML, article.format());
        assertEquals(List.of("Caffeine and Sleep", "What the trials show", "Dose"), sections(article));
        assertEquals("Caffeine and Sleep", passage(article, "Caffeine taken").section());
        assertEquals("What the trials show", passage(article, "Habitual drinkers").section());
        assertEquals("Dose", passage(article, "Doses of 200 mg").section());
        assertEquals(22, passage(article, "Doses of 200 mg").line(), "lines come from jsoup's source positions");
    }

    @Test
    void chromeNeverBecomesAPassage() throws IOException {
        // given a page with header, nav, cookie banner, form, style, share bar, aside, footer and script
        // when it is read
        Article article = read("caffeine-sleep.html");

        // then none of their text is a passage, and the article's seven sentences are all there is
        String all = String.join(" ", texts(article));
        for (String chrome : List.of("Subscribe", "Nutrition", "cookies", "weekly letter", "color", "styling",
                "Share this", "Related reading", "Copyright", "tracking")) {
            assertFalse(all.contains(chrome), chrome + " leaked into " + all);
        }
        assertEquals(7, article.passages().size(), texts(article).toString());
    }

    @Test
    void ariaRolesMarkChromeToo() throws IOException {
        // given divs with role=banner, role=navigation and role=contentinfo around <main>
        // when it is read
        Article article = read("hydration-title.html");

        // then only main's two sentences are passages
        assertEquals(List.of("Adults working outdoors in heat lost up to a litre of sweat an hour.",
                "Thirst lagged behind that loss in older people."), texts(article));
    }

    @Test
    void withoutArticleOrMainTheDensestBlockIsTheContent() throws IOException {
        // given a page of divs: a menu, a sidebar, the post and a site note
        // when it is read
        Article article = read("salt-densest.html");

        // then the post's paragraphs are the passages, under its headings, and nothing else is (not its byline)
        assertEquals(List.of(
                "Cutting daily salt by about a teaspoon lowered systolic pressure in adults with hypertension.",
                "The drop was smaller in people whose pressure was already normal.",
                "Older adults responded more strongly than younger ones.",
                "Potassium-enriched salt substitutes reduced strokes in a large village trial."), texts(article));
        assertEquals(List.of("Salt and Blood Pressure", "Who benefits most"), sections(article));
        assertEquals("Who benefits most", passage(article, "Potassium-enriched").section());
        assertEquals(List.of(3), passage(article, "Potassium-enriched").markers());
        assertEquals(List.of(1), passage(article, "Older adults").markers());
    }

    @Test
    void aFormWrappingTheWholePageIsNotChrome() {
        // given an old CMS page whose one <form> holds everything, beside a small search form
        String html = "<body><form class='search'><p>Search our site for more.</p></form>"
                + "<form id='aspnetForm'><p>Folic acid before conception lowered neural tube defects.</p>"
                + "<p>The benefit was clearest at 400 micrograms a day.</p></form></body>";

        // when it is read
        Article article = read("folate.html", html);

        // then the article inside it is read and the small form is still chrome
        assertEquals(List.of("Folic acid before conception lowered neural tube defects.",
                "The benefit was clearest at 400 micrograms a day."), texts(article));
    }

    // --- references -------------------------------------------------------------------------------

    @Test
    void anOrderedListOfIdentifiedItemsIsTheReferenceList() throws IOException {
        // given an <ol> of <li id="ref-N"> entries linking to PubMed and doi.org
        // when it is read
        Article article = read("caffeine-sleep.html");

        // then the links are read into pmid and doi and every entry is cited
        assertEquals(List.of(1, 2, 3), numbers(article));
        assertEquals("24235903", article.reference(1).pmid());
        assertEquals("https://pubmed.ncbi.nlm.nih.gov/24235903/", article.reference(1).url());
        assertEquals("10.1016/j.smrv.2016.01.006", article.reference(2).doi());
        assertTrue(article.reference(3).text().startsWith("Robillard R, et al."));
        assertNull(article.reference(3).pmid());
        assertTrue(article.references().stream().allMatch(Reference::citedInText));
    }

    @Test
    void numberedParagraphsUnderSourcesAreTheReferenceList() throws IOException {
        // given "1. ..." paragraphs under a Sources heading, linking to PubMed, doi.org or both
        // when it is read
        Article article = read("salt-densest.html");

        // then each is an entry with its identifiers; the "Last reviewed" line after them is not one
        assertEquals(List.of(1, 2, 3), numbers(article));
        assertEquals("23558162", article.reference(1).pmid());
        assertNull(article.reference(1).doi());
        assertEquals("10.1002/14651858.CD004022.pub5", article.reference(2).doi());
        assertEquals("34459569", article.reference(3).pmid());
        assertEquals("10.1056/NEJMoa2105675", article.reference(3).doi());
        assertTrue(article.reference(2).text().startsWith("Graudal NA, et al."), article.reference(2).text());
        assertEquals(List.of(), problems.problems());
    }

    @Test
    void listItemsWithoutIdsAreNumberedByPosition() throws IOException {
        // given an <ol> of plain <li> entries, the first linking to its DOI as its own text
        // when it is read
        Article article = read("handwashing-jsonld.html");

        // then they number 1..3 and "[2, 3]" cites two of them
        assertEquals(List.of(1, 2, 3), numbers(article));
        assertEquals("10.2105/AJPH.2007.124610", article.reference(1).doi());
        assertEquals("16023512", article.reference(2).pmid());
        assertEquals(List.of(2, 3), passage(article, "Classrooms with hand sanitizer").markers());
        assertEquals(List.of("Handwashing and Respiratory Infections", "In schools"), sections(article));
    }

    @Test
    void listItemsAreNumberedByTheirIdWhenTheyHaveOne() {
        // given a list whose items skip a number in their ids
        String html = "<main><p>Naps help recall.<sup>4</sup></p><h2>Sources</h2><ol>"
                + "<li id='cite-note-2'>First A. Nap study. 2019.</li><li id='cite-note-4'>Second B. Recall study. 2020.</li>"
                + "</ol></main>";

        // when it is read
        Article article = read("naps.htm", html);

        // then the ids give the numbers
        assertEquals(List.of(2, 4), numbers(article));
        assertEquals(List.of(4), passage(article, "Naps help recall").markers());
    }

    private static List<Integer> numbers(Article article) {
        return article.references().stream().map(Reference::number).collect(Collectors.toList());
    }

    // --- metadata ---------------------------------------------------------------------------------

    @Test
    void metadataComesFromMetaTags() throws IOException {
        // given an h1, og:title, author, article:published_time and og:url
        // when it is read
        Article article = read("caffeine-sleep.html");

        // then the h1 is the title (what the reader sees) and the rest come from the tags, the date normalised
        assertEquals("Caffeine and Sleep", article.title());
        assertEquals("Ada Lane, MD", article.author());
        assertEquals("2024-05-02", article.date());
        assertEquals("https://example.org/caffeine-sleep", article.url());
    }

    @Test
    void metadataComesFromJsonLdBeforeMetaTags() throws IOException {
        // given a MedicalScholarlyArticle inside a @graph beside meta tags that disagree, and no h1
        // when it is read
        Article article = read("handwashing-jsonld.html");

        // then headline, authors, date and url are the JSON-LD's
        assertEquals("Handwashing and Respiratory Infections", article.title());
        assertEquals("Tomas Ferreira, Mei Okafor", article.author());
        assertEquals("2022-09-14", article.date());
        assertEquals("https://clinic.example/handwashing", article.url());
    }

    @Test
    void aBlogPostingOrNewsArticleIsAnArticleToo() {
        // given JSON-LD as a top-level array holding a NewsArticle, and a BlogPosting inside a @graph
        String news = "<html><head><script type='application/ld+json'>[{\"@type\":\"BreadcrumbList\"},"
                + "{\"@type\":\"NewsArticle\",\"headline\":\"Cold Water Swimming\",\"author\":\"Lena Hart\","
                + "\"datePublished\":\"2021-02-01\"}]</script></head><body><main><p>Cold water raised alertness.</p></main>";
        String blog = "<html><head><script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebSite\"},"
                + "{\"@type\":\"BlogPosting\",\"headline\":\"Short Naps\",\"author\":{\"name\":\"Sam Reed\"},"
                + "\"datePublished\":\"2023-11-20T09:00:00+00:00\"}]}</script></head><body><p>A nap helped.</p>";

        // when they are read
        Article newsArticle = read("swim.html", news);
        Article blogPosting = read("naps.html", blog);

        // then both give their headline, author and date
        assertEquals(List.of("Cold Water Swimming", "Lena Hart", "2021-02-01"),
                List.of(newsArticle.title(), newsArticle.author(), newsArticle.date()));
        assertEquals(List.of("Short Naps", "Sam Reed", "2023-11-20"),
                List.of(blogPosting.title(), blogPosting.author(), blogPosting.date()));
    }

    @Test
    void openGraphTitleStandsInForAMissingH1() {
        // given og:title, a <title> with the site name and article:published_time, but no h1 and no JSON-LD
        String html = "<html><head><title>Knee Pain | Site</title><meta property='og:title' content='Knee Pain and Walking'>"
                + "<meta property='article:published_time' content='2020-06-30'></head>"
                + "<body><article><p>Walking did not worsen knee pain.</p></article></body></html>";

        // when it is read
        Article article = read("knee.html", html);

        // then the Open Graph title and the published time are used
        assertEquals("Knee Pain and Walking", article.title());
        assertEquals("2020-06-30", article.date());
    }

    @Test
    void withoutH1OrTagsTheTitleElementNamesTheArticleWithoutTheSiteName() throws IOException {
        // given only <title>Water Needs in Hot Weather | Daily Health</title>
        // when it is read
        Article article = read("hydration-title.html");

        // then the title is the part before the bar, and nothing else is invented
        assertEquals("Water Needs in Hot Weather", article.title());
        assertNull(article.author());
        assertNull(article.date());
    }

    @Test
    void theH1TitlesAPageWithoutLandmarksAndTimeGivesItsDate() throws IOException {
        // given an h1 inside the post div, a <title> with the site name, a meta author and a <time datetime>
        // when it is read
        Article article = read("salt-densest.html");

        // then
        assertEquals("Salt and Blood Pressure", article.title());
        assertEquals("Priya Natarajan", article.author());
        assertEquals("2023-03-14", article.date());
    }

    @Test
    void brokenJsonLdIsAProblemAndTheTitleFallsBack() {
        // given invalid JSON-LD and only a <title>
        String html = "<html><head><title>Light at Night</title>\n<script type='application/ld+json'>{\"@type\": </script>"
                + "</head><body><p>Bright light at night delayed melatonin release.</p></body></html>";

        // when it is read
        Article article = read("light.html", html);

        // then the page still reads and the problem names the line of the block
        assertEquals("Light at Night", article.title());
        assertEquals(1, article.passages().size());
        assertEquals(1, problems.problems().size(), problems.problems().toString());
        assertEquals(2, problems.problems().get(0).line());
        assertTrue(problems.problems().get(0).message().contains("JSON-LD"));
    }

    // --- per-site selectors -----------------------------------------------------------------------

    @Test
    void withoutSelectorsALongerReaderThreadWinsTheDensityContest() throws IOException {
        // given a story followed by a longer reader forum, neither in article or main
        // when it is read with the defaults
        Article article = read("site-selectors.html");

        // then the forum is taken for the article: the case per-site selectors exist for
        assertTrue(texts(article).stream().allMatch(text -> text.startsWith("Reader post")), texts(article).toString());
    }

    @Test
    void configuredSelectorsChooseTheContentAndRemoveExtras() throws IOException {
        // given the site's content selector and two remove selectors
        HtmlSelectors site = new HtmlSelectors(".story-body", List.of(".plan-offer", " .author-bio "));

        // when it is read with them
        Article article = read("site-selectors.html", fixture("site-selectors.html"), site);

        // then the story's own sentences are the passages, without the promo or the bio
        assertEquals(List.of("Static stretching before a run did not lower injury rates in recruits.",
                "A dynamic warm-up improved sprint times slightly."), texts(article));
    }

    @Test
    void anInvalidSelectorIsAProblemAndTheDefaultsHold() throws IOException {
        // given a content selector that is not CSS
        HtmlSelectors site = new HtmlSelectors("div[[", List.of(""));

        // when it is read
        Article article = read("caffeine-sleep.html", fixture("caffeine-sleep.html"), site);

        // then the article is found as usual and the problem names the setting
        assertEquals(7, article.passages().size());
        assertEquals(1, problems.problems().size(), problems.problems().toString());
        assertTrue(problems.problems().get(0).message().startsWith("corpus.html.content-selector 'div[['"),
                problems.problems().get(0).message());
    }

    // --- broken pages -----------------------------------------------------------------------------

    @Test
    void brokenMarkupStillYieldsWhatItCan() throws IOException {
        // given no html/head/body; unclosed p, b, h2, li and a; stray closers, garbage and an unterminated comment
        // when it is read
        Article article = read("broken.html");

        // then the title, sentences, markers and references survive
        assertEquals("Sunscreen Basics", article.title());
        assertEquals(List.of(1), passage(article, "Daily sunscreen use").markers());
        assertEquals(List.of(2), passage(article, "Most people applied").markers());
        assertTrue(texts(article).contains("Reapplying after swimming matters too."), texts(article).toString());
        assertEquals(List.of(1, 2), numbers(article));
        assertEquals("21135266", article.reference(1).pmid());
        assertEquals("10.1111/phpp.12082", article.reference(2).doi());
        assertEquals(List.of("Sunscreen Basics"), sections(article), "the unclosed h2 is References, not a section");
        assertEquals(List.of(), problems.problems());
    }

    @Test
    void anUnclosedTitleThatSwallowsThePageIsAProblemNamingItsLine() throws IOException {
        // given a <title> on line 2 that is never closed, so the body is its text
        SourceFile file = new SourceFile("vitamin-d.html", "vitamin-d.html",
                Arrays.asList(fixture("unclosed-title.html").split("\n", -1)));

        // when it is read
        List<Article> articles = new HtmlArticleReader().read(file, problems);

        // then there is no article and the one problem says what to fix and where
        assertEquals(List.of(), articles);
        assertEquals(List.of(new Problem("vitamin-d.html", 2, "<title> opened on line 2 is never closed, so the rest of "
                + "the page is its text (a browser shows none of it either); add </title>; the file is skipped")),
                problems.problems());
    }

    @Test
    void anUnclosedScriptKeepsTheTextBeforeItAndSaysWhereTheRestWent() {
        // given a script never closed halfway down the page
        String html = "<main><p>Walking after meals lowered blood sugar peaks.</p>\n<script>var x = 1;\n"
                + "<p>Ten minutes was enough.</p></main>";

        // when it is read
        Article article = read("walking.html", html);

        // then the first paragraph is read and the problem names the script's line
        assertEquals(List.of("Walking after meals lowered blood sugar peaks."), texts(article));
        assertEquals(2, problems.problems().get(0).line());
        assertTrue(problems.problems().get(0).message().startsWith("<script> opened on line 2 is never closed"));
    }

    @Test
    void aPageWithoutTextIsAProblemNotAnArticle() {
        // given markup and nothing else
        SourceFile file = new SourceFile("blank.html", "blank.html",
                List.of("<html><head><title></title></head><body><div> </div></body></html>"));

        // when it is read
        List<Article> articles = new HtmlArticleReader().read(file, problems);

        // then there is no article, and a problem says why
        assertEquals(List.of(), articles);
        assertEquals(List.of(new Problem("blank.html", 0, "HTML file has no text in its body")), problems.problems());
    }

    @Test
    void garbageIsAProblemNamingTheFileAndTheCorpusGoesOn(@TempDir Path directory) throws IOException {
        // given a page of garbage beside a broken but readable one
        Files.writeString(directory.resolve("garbage.html"), fixture("garbage.html"));
        Files.writeString(directory.resolve("broken.html"), fixture("broken.html"));

        // when the corpus is read
        Corpus corpus = new CorpusReader().read(directory);

        // then the broken page is an article and the garbage is one problem naming its file
        assertEquals(List.of("broken"), corpus.articles().stream().map(Article::id).collect(Collectors.toList()));
        assertEquals(1, corpus.problems().size(), corpus.problems().toString());
        assertEquals("garbage.html", corpus.problems().get(0).file());
        assertEquals("HTML file has no text in its body", corpus.problems().get(0).message());
    }

    @Test
    void corpusReaderReadsHtmlAndHtmWithConfiguredSelectors(@TempDir Path directory) throws IOException {
        // given one .html and one .htm file, and a site that keeps its text in .entry
        Files.writeString(directory.resolve("a.html"), "<p>Exercise improved sleep quality.</p>");
        Files.writeString(directory.resolve("b.HTM"), "<div class='entry'><p>Evening exercise did not harm sleep.</p>"
                + "<p class='ad'>Buy our running shoes today.</p></div><div><p>Other text that is long enough to win "
                + "the density contest on its own merits.</p></div>");

        // when the corpus is read
        Corpus corpus = new CorpusReader(new HtmlSelectors(".entry", List.of(".ad"))).read(directory);

        // then both are HTML articles, the second read through the selectors
        assertEquals(List.of(), corpus.problems());
        assertEquals(List.of("a", "b"), corpus.articles().stream().map(Article::id).collect(Collectors.toList()));
        assertTrue(corpus.articles().stream().allMatch(a -> a.format() == Article.Format.HTML));
        assertEquals(List.of("Evening exercise did not harm sleep."), texts(corpus.articles().get(1)));
    }
}
