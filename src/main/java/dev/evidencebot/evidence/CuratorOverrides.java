package dev.evidencebot.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Problem;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A curator's corrections for one article, read from the sidecar {@code <id>.evidence.json} next to it:
 * <pre>{"3": {"studyType": "RCT", "note": "full text says randomized, double-blind", "population": "...", "sampleSize": 40}}</pre>
 * Whatever cannot be used becomes a {@link Problem} naming the file and line, and the rules' grading stands.
 *
 * @param file      the sidecar, relative to the corpus directory (what problems name)
 * @param overrides reference number -> the curator's grading
 */
record CuratorOverrides(String file, Map<Integer, Override> overrides) {

    static final String SUFFIX = ".evidence.json";
    static final String STUDY_TYPE = "studyType";
    static final String NOTE = "note";
    static final String POPULATION = "population";
    static final String SAMPLE_SIZE = "sampleSize";

    private static final JsonFactory JSON = new JsonFactory();

    CuratorOverrides {
        overrides = Map.copyOf(overrides);
    }

    /** One reference's override; population and sample size null when the curator gave none. */
    record Override(StudyType studyType, String note, String population, Integer sampleSize) {
    }

    static CuratorOverrides none() {
        return new CuratorOverrides(null, Map.of());
    }

    Override forReference(int number) {
        return overrides.get(number);
    }

    /** The file name alone, as rationales name it. */
    String fileName() {
        return file == null ? null : Path.of(file).getFileName().toString();
    }

    /** Reads the sidecar if there is one; problems are added to {@code problems}. */
    static CuratorOverrides load(Path file, String relativeName, Article article, List<Problem> problems) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, relativeName, article, problems);
        } catch (IOException e) {
            problems.add(new Problem(relativeName, 0, "cannot read curator sidecar: " + e.getMessage()));
            return none();
        }
    }

    static CuratorOverrides parse(String json, String relativeName, Article article, List<Problem> problems) {
        try (Reader reader = new StringReader(json)) {
            return parse(reader, relativeName, article, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CuratorOverrides parse(Reader reader, String file, Article article, List<Problem> problems)
            throws IOException {
        Map<Integer, Override> overrides = new HashMap<>();
        List<Problem> found = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(reader)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                found.add(new Problem(file, line(parser), "curator sidecar must be a JSON object keyed by reference number"));
                problems.addAll(found);
                return none();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int line = line(parser);
                parser.nextToken();
                Override override = readEntry(parser, file, key, found);
                Integer number = referenceNumber(key, file, line, article, found);
                if (override != null && number != null) {
                    overrides.put(number, override);
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            problems.add(new Problem(file, location == null ? 0 : location.getLineNr(),
                    "malformed JSON in curator sidecar (" + e.getOriginalMessage() + "); none of its overrides applied"));
            return none();
        }
        problems.addAll(found);
        return new CuratorOverrides(file, overrides);
    }

    private static Integer referenceNumber(String key, String file, int line, Article article, List<Problem> found) {
        int number;
        try {
            number = Integer.parseInt(key.trim());
        } catch (NumberFormatException e) {
            found.add(new Problem(file, line, "\"" + key + "\" is not a reference number"));
            return null;
        }
        if (article.reference(number) == null) {
            found.add(new Problem(file, line, "reference " + number + " does not exist in article " + article.id()
                    + " (its references: " + article.references().size() + "); override ignored"));
            return null;
        }
        return number;
    }

    /** Reads one entry's object; consumes it even when unusable, so the next entry still parses. */
    private static Override readEntry(JsonParser parser, String file, String key, List<Problem> found) throws IOException {
        int line = line(parser);
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            found.add(new Problem(file, line, "override for reference " + key + " must be an object with \"" + STUDY_TYPE + "\""));
            return null;
        }
        String studyType = null;
        int studyTypeLine = line;
        String note = null;
        String population = null;
        Integer sampleSize = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case STUDY_TYPE -> {
                    studyType = parser.getValueAsString();
                    studyTypeLine = line(parser);
                }
                case NOTE -> note = parser.getValueAsString();
                case POPULATION -> population = parser.getValueAsString();
                case SAMPLE_SIZE -> {
                    if (value == JsonToken.VALUE_NUMBER_INT) {
                        sampleSize = parser.getIntValue();
                    } else if (value != JsonToken.VALUE_NULL) {
                        found.add(new Problem(file, line(parser), "\"" + SAMPLE_SIZE + "\" of reference " + key
                                + " must be a whole number"));
                    }
                }
                default -> parser.skipChildren(); // unknown fields are left for curators' own notes
            }
        }
        StudyType type = studyType(studyType);
        if (type == null) {
            found.add(new Problem(file, studyTypeLine, studyType == null
                    ? "override for reference " + key + " has no \"" + STUDY_TYPE + "\""
                    : "unknown " + STUDY_TYPE + " \"" + studyType + "\" for reference " + key + "; expected one of "
                    + Arrays.toString(usable())));
            return null;
        }
        return new Override(type, note, population, sampleSize);
    }

    private static StudyType studyType(String name) {
        if (name == null) {
            return null;
        }
        for (StudyType type : usable()) {
            if (type.name().equalsIgnoreCase(name.trim())) {
                return type;
            }
        }
        return null;
    }

    /** NONE means "no citation", which a curator cannot assign to a reference. */
    private static StudyType[] usable() {
        return Arrays.stream(StudyType.values()).filter(t -> t != StudyType.NONE).toArray(StudyType[]::new);
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
