package dev.evidencebot.answer;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/** The one feedback store every door saves to: a file under {@code data.path} (env DATA_PATH). */
@Factory
class FeedbackStoreFactory {

    @Singleton
    FeedbackStore feedbackStore(@Value("${data.path:data}") String dataPath) {
        return FileFeedbackStore.in(Path.of(dataPath));
    }
}
