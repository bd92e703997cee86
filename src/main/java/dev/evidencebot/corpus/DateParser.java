package dev.evidencebot.corpus;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/** Reads the dates articles print ("Oct 7, 2024", "7 October 2024", "2024-10-07") as ISO yyyy-MM-dd. */
final class DateParser {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            format("uuuu-MM-dd"),
            format("MMM d, uuuu"),
            format("MMMM d, uuuu"),
            format("MMM. d, uuuu"),
            format("d MMM uuuu"),
            format("d MMMM uuuu"));

    private DateParser() {
    }

    /** The ISO date, or null when the text is not one of the known date forms. */
    static String toIso(String text) {
        String candidate = Text.normalize(text);
        // "Sept" is common in print but not what the JDK's English month names expect
        candidate = candidate.replaceFirst("(?i)^sept\\b", "Sep");
        if (candidate.length() > 10 && candidate.matches("\\d{4}-\\d{2}-\\d{2}[T ].*")) {
            candidate = candidate.substring(0, 10);
        }
        for (DateTimeFormatter format : FORMATS) {
            try {
                return LocalDate.parse(candidate, format).toString();
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return null;
    }

    private static DateTimeFormatter format(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }
}
