package dev.yardstick.provider.local;

import java.nio.file.Path;

/**
 * Where the tests find stories260K.gguf: the same search the provider does ({@code $YARDSTICK_MODELS}, then
 * {@code ../shared/models} beside the checkout, ...), but never a download.
 */
final class TestModels {

    private TestModels() {
    }

    static Path stories() {
        return ModelFiles.fromEnvironment(System.getenv()).find(ModelFiles.DEFAULT_MODEL)
                .orElseThrow(() -> new AssertionError(ModelFiles.DEFAULT_FILE + " not found: the tests read it from "
                        + "../shared/models beside the checkout, or from the folder YARDSTICK_MODELS names"));
    }
}
