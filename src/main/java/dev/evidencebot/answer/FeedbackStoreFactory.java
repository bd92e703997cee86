package dev.evidencebot.answer;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/** The one feedback store every door saves to: a file under {@code data.path} (env DATA_PATH). */
@Factory
class FeedbackStoreFactory {

    @Singleton
    FeedbackStore feedbackStore(@Value("${data.path:data}") String dataPath, @Value("${app.base-dir:}") String baseDir) {
        // Relative paths resolve against app.base-dir when set (mn:run starts the app inside target/).
        return FileFeedbackStore.in(Path.of(baseDir).resolve(dataPath));
    }
}
