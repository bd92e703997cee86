package dev.evidencebot.answer;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.corpus.Section;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.GradedCorpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the widget's greeting and example questions from the corpus: the titles of the articles
 * that loaded cleanly, and questions formed from their headings ("What is Semax?" as written,
 * "Semax and Memory" as "Does Semax affect memory?"), kept only when the pipeline answers them
 * rather than abstaining. Articles take turns, so every topic gets an example before any gets two.
 * Deterministic for a corpus: the same articles give the same words.
 */
final class IntroductionWriter {

    /** The widget shows up to four; three leave room for a site's own. */
    static final int EXAMPLES = 3;
    /** Each candidate costs one retrieval; past this many, fewer examples are better than a slow first page. */
    static final int MAX_TRIED = 12;
    /** A chip longer than this wraps to three lines in the panel. */
    static final int MAX_LENGTH = 64;
    /** Beyond this many titles the greeting counts the articles instead of listing them. */
    private static final int TITLES_LISTED = 3;
    private static final String PROMISE = " I answer only from this site's articles, cite every claim and say how strong the evidence is.";
    /** "Semax and Memory", "Caffeine and sleep onset latency": one capitalised name, then what it may act on. */
    private static final Pattern SUBJECT_AND_TOPIC = Pattern.compile("([A-Z][\\w-]*) and ([\\w -]+)");

    private IntroductionWriter() {
    }

    static Introduction write(GradedCorpus corpus, Predicate<String> answers) {
        List<Article> named = new ArrayList<>();
        for (GradedArticle graded : corpus.articles()) {
            if (ArticleTitles.nameable(graded.article()) && !graded.article().primarySource()) {
                named.add(graded.article());
            }
        }
        if (named.isEmpty()) {
            return Introduction.GENERIC;
        }
        return new Introduction(greeting(named), examples(named, answers));
    }

    private static String greeting(List<Article> named) {
        List<String> titles = named.stream().limit(TITLES_LISTED).map(a -> "“" + a.title() + "”").toList();
        if (named.size() > TITLES_LISTED) {
            return "Ask about the " + named.size() + " articles on this site, such as " + titles.get(0) + " and "
                    + titles.get(1) + "." + PROMISE;
        }
        String listed = titles.size() == 1 ? titles.get(0)
                : String.join(", ", titles.subList(0, titles.size() - 1)) + " or " + titles.get(titles.size() - 1);
        return "Ask about " + listed + "." + PROMISE;
    }

    private static List<String> examples(List<Article> named, Predicate<String> answers) {
        // articles take turns, so only the first MAX_TRIED can ever be tried
        List<List<String>> perArticle = named.stream().limit(MAX_TRIED).map(IntroductionWriter::candidates).toList();
        Set<String> tried = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        for (int turn = 0; kept.size() < EXAMPLES && tried.size() < MAX_TRIED; turn++) {
            boolean any = false;
            for (List<String> candidates : perArticle) {
                if (turn >= candidates.size() || kept.size() == EXAMPLES || tried.size() == MAX_TRIED) {
                    continue;
                }
                any = true;
                String question = candidates.get(turn);
                if (tried.add(question) && answers.test(question)) {
                    kept.add(question);
                }
            }
            if (!any) {
                break;
            }
        }
        return kept;
    }

    /** The article's own questions first (a title or heading that asks one), then those formed from headings. */
    static List<String> candidates(Article article) {
        Set<String> asked = new LinkedHashSet<>();
        Set<String> formed = new LinkedHashSet<>();
        List<String> headings = new ArrayList<>();
        headings.add(article.title());
        for (Section section : article.sections()) {
            if (ArticleTitles.readable(article, section.heading())) {
                headings.add(section.heading());
            }
        }
        for (String heading : headings) {
            String text = heading.strip();
            if (text.endsWith("?")) {
                asked.add(text);
                continue;
            }
            Matcher pair = SUBJECT_AND_TOPIC.matcher(text);
            if (pair.matches()) {
                formed.add("Does " + subject(pair.group(1), article) + " affect " + topic(pair.group(2)) + "?");
            }
        }
        List<String> candidates = new ArrayList<>(asked);
        candidates.addAll(formed);
        candidates.removeIf(question -> question.length() > MAX_LENGTH);
        return candidates;
    }

    /**
     * A name the article capitalises in mid-sentence ("…patients, Semax treatment…") is a proper
     * noun and stays; any other ("Melatonin shortened…", "…source of caffeine") is a common noun.
     */
    private static String subject(String word, Article article) {
        Pattern midSentence = Pattern.compile("[\\p{Ll},;:]\\s+" + Pattern.quote(word) + "\\b");
        for (Passage passage : article.passages()) {
            if (midSentence.matcher(passage.text()).find()) {
                return word;
            }
        }
        return word.toLowerCase(Locale.ROOT);
    }

    /** Lower case except acronyms ("BDNF"), as a topic reads inside a sentence. */
    private static String topic(String words) {
        StringBuilder topic = new StringBuilder();
        for (String word : words.strip().split("\\s+")) {
            boolean acronym = word.chars().filter(Character::isUpperCase).count() > 1;
            topic.append(topic.length() == 0 ? "" : " ").append(acronym ? word : word.toLowerCase(Locale.ROOT));
        }
        return topic.toString();
    }
}
