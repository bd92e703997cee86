package dev.evidencebot.api;

import io.micronaut.http.HttpParameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** The admin console's query parameters, each checked so a wrong one gets a 400 that names it. */
final class ConsoleParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** CSV is for a spreadsheet or a script that wants it all in one go, so it may ask for more. */
    static final int MAX_CSV_LIMIT = 10_000;
    static final int MAX_DAYS = 365;
    static final Set<String> DOORS = Set.of("api", "stream", "widget", "slack", "cli");

    private final HttpParameters parameters;

    ConsoleParameters(HttpParameters parameters) {
        this.parameters = parameters;
    }

    private String text(String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    Boolean answered() {
        String value = text("answered");
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad("\"answered\" must be true or false, got \"" + cut(value) + "\"");
        };
    }

    String door() {
        String value = text("door");
        if (value != null && !DOORS.contains(value)) {
            throw bad("\"door\" must be one of api, stream, widget, slack, cli, got \"" + cut(value) + "\"");
        }
        return value;
    }

    String rating() {
        String value = text("rating");
        if (value != null && !FeedbackRequests.RATINGS.contains(value)) {
            throw bad("\"rating\" must be up or down, got \"" + cut(value) + "\"");
        }
        return value;
    }

    String q() {
        String value = text("q");
        if (value != null && value.length() > 200) {
            throw bad("\"q\" may be at most 200 characters, got " + value.length());
        }
        return value;
    }

    /** An instant, or a date meaning the start of that day (UTC). */
    Instant from() {
        return instant("from", false);
    }

    /** Exclusive: an instant, or a date meaning the whole of that day (UTC) is included. */
    Instant to() {
        Instant to = instant("to", true);
        Instant from = from();
        if (from != null && to != null && !to.isAfter(from)) {
            throw bad("\"to\" (" + to + ") must be after \"from\" (" + from + ")");
        }
        return to;
    }

    private Instant instant(String name, boolean endOfDay) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw bad("\"" + name + "\" must be a date (2026-06-01) or an instant (2026-06-01T12:00:00Z), got \"" + cut(value) + "\"");
        }
    }

    int limit(int max) {
        return integer("limit", Math.min(DEFAULT_LIMIT, max), 1, max);
    }

    int offset() {
        return integer("offset", 0, 0, 1_000_000);
    }

    int days() {
        return integer("days", 30, 1, MAX_DAYS);
    }

    private int integer(String name, int otherwise, int min, int max) {
        String value = text(name);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw bad("\"" + name + "\" must be a whole number from " + min + " to " + max + ", got \"" + cut(value) + "\"");
    }

    private static BadRequestException bad(String message) {
        return new BadRequestException(400, message);
    }

    private static String cut(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
