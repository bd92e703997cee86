package dev.evidencebot.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the PubMed export fixtures (fictional records, PMIDs 9930…) from src/test/resources/pubmed into a corpus. */
public final class PubmedFixtures {

    private PubmedFixtures() {
    }

    /** Copies each named fixture into {@code directory} under the same name and reads the directory as a corpus. */
    public static Corpus read(Path directory, String... fixtures) throws IOException {
        for (String fixture : fixtures) {
            try (InputStream in = PubmedFixtures.class.getResourceAsStream("/pubmed/" + fixture)) {
                if (in == null) {
                    throw new IllegalArgumentException("no fixture src/test/resources/pubmed/" + fixture);
                }
                Files.copy(in, directory.resolve(fixture));
            }
        }
        return new CorpusReader().read(directory);
    }

    /** The article with this id, or an assertion error listing the ids there are. */
    public static Article article(Corpus corpus, String id) {
        return corpus.articles().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no article " + id + " in "
                        + corpus.articles().stream().map(Article::id).toList()));
    }
}
