package dev.evidencebot.answer;

import dev.evidencebot.index.TextTerms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sentence may not add to the passages it cites, beyond sharing their words. Counting
 * content words (the support check) misses the claims that matter most, because the analyzer
 * drops the very words that carry them: "not", a dose, a link. So a sentence is refused when it
 *
 * <ul>
 *   <li>links anywhere (a URL or a markdown link) its passages do not;</li>
 *   <li>names a number its passages do not (a dose, a sample size, a percentage);</li>
 *   <li>gives an instruction or a schedule its passages do not ("should take", "daily");</li>
 *   <li>says the opposite: its negation differs from the passage sentence it matches best, or it
 *       uses a negation its passages never use ("It is not the case that ...");</li>
 *   <li>names a population or a substance its passages do not (humans for a rat study, caffeine).</li>
 * </ul>
 *
 * A sentence quoted from its passage passes every check by construction, so the extractive
 * composer is unaffected; the checks bite on a model's paraphrase, which is where a planted
 * instruction or a hallucination shows. Each refusal errs towards dropping a sentence: the reader
 * then gets less, never something the sources do not say.
 */
final class ClaimChecks {

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)]*)\\)");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'()\\[\\]]+");
    /** A bare domain ("evil.example/semax", "semax-signup.com"): links without a scheme still lead somewhere. */
    private static final Pattern DOMAIN = Pattern.compile("(?i)\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|io|co|info|biz|"
            + "example|ru|uk|de|gov|edu)(?:/[^\\s)\\]]*)?\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern NEGATION = Pattern.compile("(?i)\\b(?:not|no|never|none|neither|nor|without|fail(?:s|ed|ing)?"
            + "|cannot|can't|didn't|doesn't|don't|isn't|wasn't|weren't|aren't|won't|lack(?:s|ed|ing)?|absence|unable|nothing)\\b");
    /** Words that tell the reader what to do, or when: advice the articles never give unless they say so. */
    private static final Pattern INSTRUCTION = Pattern.compile("(?i)\\b(?:should|must|ought|recommend(?:s|ed)?|advise[sd]?"
            + "|consult|confirm|sign up|register|visit|contact|daily|twice|thrice|nightly|weekly|per day|a day|each day"
            + "|every (?:day|morning|evening|night|\\d+ hours?)|times a (?:day|week)|you|your)\\b");
    /** An imperative opening ("Take 10 mg ...", "Ask your doctor ..."). */
    private static final Pattern IMPERATIVE = Pattern.compile("(?i)^(?:take|apply|inject|consult|visit|sign up|register"
            + "|confirm|ask|talk to|avoid|buy)\\b");
    /** Who or what a finding is about: a finding in rats is no finding in humans. */
    private static final Pattern POPULATION = Pattern.compile("(?i)\\b(?:humans?|people|persons?|patients?|adults?|children|child"
            + "|kids?|adolescents?|teenagers?|infants?|elderly|older adults|women|men|pregnan(?:t|cy)|volunteers?|participants?"
            + "|rats?|mice|mouse|rodents?|animals?|dogs?|cats?|monkeys?|primates?|pigs?|rabbits?|cells?|in vitro"
            + "|in vivo)\\b");
    /**
     * Words shaped like a drug ("ketamine", "piracetam", "fluoxetine"; suffixes ordinary English
     * words do not end in) and the supplements these sites write about most.
     */
    private static final Pattern SUBSTANCE = Pattern.compile("(?i)\\b[a-z]{2,}(?:amine|azole|azepam|cetam|mab|pril|sartan|statin"
            + "|cillin|mycin|oxetine|afinil|olol|dipine|caine|tonin|barbital)\\b|\\bomega-\\d\\b|\\bvitamin [a-z]\\d{0,2}\\b"
            + "|\\b(?:caffeine|melatonin|nicotine|alcohol|ethanol|creatine|theanine|ginseng|ginkgo|bacopa|ashwagandha|rhodiola"
            + "|cbd|thc|cannabis|kratom|aspirin|ibuprofen|paracetamol|acetaminophen|insulin|magnesium|zinc|iron|lithium"
            + "|noopept|selank|cerebrolysin|phenibut|modafinil)\\b");
    /** A capitalized word inside a sentence: a name (a drug, an agency, a place) it must not invent ("FDA"). */
    private static final Pattern NAME = Pattern.compile("(?<=\\s)\\p{Lu}[\\p{L}\\p{N}-]*");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'’-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+");

    private ClaimChecks() {
    }

    /**
     * Why {@code claim} says more than {@code cited} (the passages and context its markers name), or
     * empty when it does not. {@code claim} comes without its markers and attribution.
     */
    static Optional<String> refuse(String claim, String cited) {
        String citedLower = cited.toLowerCase(Locale.ROOT);
        if (quotes(claim, citedLower)) {
            return Optional.empty(); // a quotation says exactly what its source says
        }
        for (String link : links(claim)) {
            if (!citedLower.contains(link.toLowerCase(Locale.ROOT))) {
                return Optional.of("links to " + link + ", which its sources do not");
            }
        }
        if (MARKDOWN_LINK.matcher(claim).find() && !MARKDOWN_LINK.matcher(cited).find()) {
            return Optional.of("has a link its sources do not");
        }
        Set<String> citedNumbers = numbers(cited);
        for (String number : numbers(claim)) {
            if (!citedNumbers.contains(number)) {
                return Optional.of("names the number " + number + ", which its sources do not");
            }
        }
        Set<String> citedWords = words(citedLower);
        Optional<String> instruction = missing(INSTRUCTION, claim, citedLower);
        if (instruction.isPresent()) {
            return Optional.of("gives an instruction its sources do not (\"" + instruction.get() + "\")");
        }
        Matcher imperative = IMPERATIVE.matcher(claim.strip());
        if (imperative.find()) {
            return Optional.of("tells the reader to \"" + imperative.group() + "\"");
        }
        Optional<String> negation = missing(NEGATION, claim, citedLower);
        if (negation.isPresent()) {
            return Optional.of("says \"" + negation.get() + "\" where its sources never do");
        }
        if (negated(claim) != negated(closest(claim, cited))) {
            return Optional.of(negated(claim) ? "negates what its source states" : "states what its source negates");
        }
        Optional<String> population = missingStem(POPULATION, claim, citedWords);
        if (population.isPresent()) {
            return Optional.of("is about " + population.get() + ", which its sources are not");
        }
        Optional<String> substance = missingStem(SUBSTANCE, claim, citedWords);
        if (substance.isEmpty()) {
            substance = missingStem(NAME, claim, citedWords);
        }
        if (substance.isPresent()) {
            return Optional.of("names " + substance.get() + ", which its sources do not");
        }
        return Optional.empty();
    }

    /**
     * Whether the claim, spaces and case aside, is a whole sentence (or clause ended by ";") of the
     * cited text, word for word. Only a whole one: "semax reduces anxiety" cut out of "It is not
     * true that semax reduces anxiety." is no quotation, and goes through every check.
     */
    private static boolean quotes(String claim, String citedLower) {
        String quoted = claim.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip().replaceAll("[.;:,!?]+$", "");
        if (quoted.length() < 12) {
            return false;
        }
        String text = citedLower.replaceAll("\\s+", " ");
        for (int at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1)) {
            String before = text.substring(0, at).stripTrailing();
            boolean starts = before.isEmpty() || ".!?;:)]".indexOf(before.charAt(before.length() - 1)) >= 0;
            int end = at + quoted.length();
            boolean ends = end == text.length() || ".!?;".indexOf(text.charAt(end)) >= 0
                    || text.startsWith(" (", end) || text.startsWith(" [", end);
            if (starts && ends) {
                return true;
            }
        }
        return false;
    }

    /** URLs, markdown link targets and bare domains, trailing punctuation cut. */
    static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        Matcher markdown = MARKDOWN_LINK.matcher(text);
        while (markdown.find()) {
            links.add(trimmed(markdown.group(2)));
        }
        for (Pattern pattern : List.of(URL, DOMAIN)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                links.add(trimmed(matcher.group()));
            }
        }
        links.removeIf(String::isEmpty);
        return links;
    }

    private static String trimmed(String link) {
        return link.strip().replaceAll("[.,;:!?]+$", "");
    }

    /** Numbers as written, thousands separators and trailing zeros of decimals aside ("1,200" = "1200"). */
    private static Set<String> numbers(String text) {
        Set<String> numbers = new HashSet<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            String number = matcher.group();
            if (number.matches("\\d{1,3}(?:,\\d{3})+")) {
                number = number.replace(",", "");
            }
            numbers.add(number.replace(',', '.'));
        }
        return numbers;
    }

    private static boolean negated(String sentence) {
        return NEGATION.matcher(sentence).find();
    }

    /** The sentence of {@code cited} that shares the most content terms with {@code claim}. */
    private static String closest(String claim, String cited) {
        Set<String> terms = new HashSet<>(TextTerms.of(claim));
        String best = cited;
        long bestShared = -1;
        for (String sentence : SENTENCE_END.split(cited)) {
            long shared = TextTerms.of(sentence).stream().distinct().filter(terms::contains).count();
            if (shared > bestShared) {
                bestShared = shared;
                best = sentence;
            }
        }
        return best;
    }

    /** The first match of {@code pattern} in {@code claim} that {@code citedLower} does not contain as a phrase. */
    private static Optional<String> missing(Pattern pattern, String claim, String citedLower) {
        Matcher matcher = pattern.matcher(claim);
        while (matcher.find()) {
            String phrase = matcher.group().toLowerCase(Locale.ROOT);
            if (!Pattern.compile("\\b" + Pattern.quote(phrase) + "\\b").matcher(citedLower).find()) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }

    /** Like {@link #missing}, but "rat" is found in "rats" and "patients" in "patient": plurals are no new claim. */
    private static Optional<String> missingStem(Pattern pattern, String claim, Set<String> citedWords) {
        Matcher matcher = pattern.matcher(claim);
        while (matcher.find()) {
            String phrase = matcher.group().toLowerCase(Locale.ROOT);
            boolean found = true;
            for (String word : phrase.split("\\s+")) {
                String stem = stem(word);
                found &= citedWords.stream().anyMatch(cited -> stem(cited).equals(stem));
            }
            if (!found) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }

    /** Every word, and the parts of one joined by an apostrophe or a hyphen ("barrett's", "in-person"). */
    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = matcher.group();
            words.add(word);
            for (String part : word.split("['’-]")) {
                if (!part.isEmpty()) {
                    words.add(part);
                }
            }
        }
        return words;
    }

    private static String stem(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.equals("mice")) {
            return "mouse";
        }
        if (lower.equals("children")) {
            return "child";
        }
        if (lower.equals("people")) {
            return "person";
        }
        if (lower.endsWith("ies") && lower.length() > 4) {
            return lower.substring(0, lower.length() - 3) + "y";
        }
        if (lower.endsWith("s") && !lower.endsWith("ss") && lower.length() > 3) {
            return lower.substring(0, lower.length() - 1);
        }
        return lower;
    }
}
