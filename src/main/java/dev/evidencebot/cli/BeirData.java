package dev.evidencebot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A data set in BEIR's layout (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv) as the benchmarks and
 * the calibration read it: judged queries, and the corpus written out as a product corpus file,
 * so that it is read, graded and indexed exactly as a site's JSON Lines articles are.
 */
final class BeirData {

    /** A judged query: its text and the documents that answer it. */
    record Query(String id, String text, Set<String> relevant) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private BeirData() {
    }

    /** test when it exists (the published split), else dev, else train. */
    static String defaultSplit(Path beir) {
        for (String split : List.of("test", "dev", "train")) {
            if (Files.exists(beir.resolve("qrels/" + split + ".tsv"))) {
                return split;
            }
        }
        throw new IllegalArgumentException("no qrels/test.tsv, dev.tsv or train.tsv under " + beir);
    }

    static List<Query> queries(Path beir, String split) {
        Path queriesFile = beir.resolve("queries.jsonl");
        Path qrelsFile = beir.resolve("qrels/" + split + ".tsv");
        if (!Files.exists(qrelsFile)) {
            throw new IllegalArgumentException("no judgments at " + qrelsFile);
        }
        Map<String, Set<String>> relevant = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(qrelsFile, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException(qrelsFile + " is empty; expected a header and query-id/corpus-id/score lines");
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length < 3) {
                    throw new IllegalArgumentException(qrelsFile + ":" + lineNumber
                            + ": expected query-id, corpus-id and score separated by tabs, got '" + line + "'");
                }
                if (Integer.parseInt(columns[2].trim()) > 0) {
                    relevant.computeIfAbsent(columns[0].trim(), q -> new LinkedHashSet<>()).add(columns[1].trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read judgments " + qrelsFile, e);
        }
        Map<String, String> texts = new HashMap<>();
        forEachLine(queriesFile, (node, lineNumber) -> texts.put(required(node, "_id", queriesFile, lineNumber),
                node.path("text").asText("")));
        List<Query> queries = new ArrayList<>();
        for (Map.Entry<String, Set<String>> judged : relevant.entrySet()) {
            String text = texts.get(judged.getKey());
            if (text == null) {
                throw new IllegalArgumentException(qrelsFile + " judges query " + judged.getKey()
                        + ", which " + queriesFile + " does not contain");
            }
            queries.add(new Query(judged.getKey(), text, judged.getValue()));
        }
        return queries;
    }

    /**
     * Writes the corpus, less the excluded documents, as one JSON Lines file in {@code directory},
     * line for line as the data set has it; returns how many documents it wrote.
     */
    static int writeCorpus(Path beir, Set<String> excluded, Path directory) {
        Path source = beir.resolve("corpus.jsonl");
        int written = 0;
        try (BufferedReader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8);
             BufferedWriter writer = Files.newBufferedWriter(directory.resolve(beir.getFileName() + ".jsonl"),
                     StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String id = required(JSON.readTree(line), "_id", source, lineNumber);
                if (!excluded.contains(id)) {
                    writer.write(line);
                    writer.newLine();
                    written++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the BEIR corpus " + source + " to " + directory, e);
        }
        return written;
    }

    private interface LineHandler {
        void accept(JsonNode node, int lineNumber);
    }

    private static void forEachLine(Path file, LineHandler handler) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    handler.accept(JSON.readTree(line), lineNumber);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String required(JsonNode node, String field, Path file, int line) {
        JsonNode value = node.get(field);
        if (value == null || value.asText().isEmpty()) {
            throw new IllegalArgumentException(file + ":" + line + ": missing \"" + field + "\"");
        }
        return value.asText();
    }
}
