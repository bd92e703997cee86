package dev.evidencebot.corpus;

import java.util.List;

/**
 * One corpus file, already decoded as UTF-8 and split into lines (index 0 is line 1).
 *
 * @param path the file relative to the corpus directory, with '/' separators; problems name it
 * @param name the file name itself
 */
record SourceFile(String path, String name, List<String> lines) {

    SourceFile {
        lines = List.copyOf(lines);
    }

    /** The file name without its extension: the article id for one-article formats. */
    String baseName() {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
