package dev.yardstick.config.promptfoo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.yardstick.config.CaseEntry;
import java.util.List;
import java.util.Map;

/**
 * A promptfoo config as written ({@code promptfooconfig.yaml}), the keys Yardstick runs: {@code description},
 * {@code prompts}, {@code providers}, {@code tests} and {@code defaultTest}. Keys are promptfoo's own spelling
 * (camelCase); a key it has that Yardstick does not run is refused by {@link PromptfooReader} before mapping.
 */
record PromptfooFile(String description, List<PromptItem> prompts, List<ProviderItem> providers,
                     List<CaseEntry> tests, @JsonProperty("defaultTest") CaseEntry defaultTest) {

    /** A prompt: its text (or {@code file://} reference) alone, or {@code {id | raw, label}}. */
    record PromptItem(String id, String raw, String label) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static PromptItem of(String raw) {
            return new PromptItem(null, raw, null);
        }

        /** What the prompt is: its raw text, or the {@code file://} reference its id gives. */
        String text() {
            return raw != null ? raw : id;
        }
    }

    /** A provider: its id alone, or {@code {id, label, config}}. */
    record ProviderItem(String id, String label, Map<String, Object> config) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static ProviderItem of(String id) {
            return new ProviderItem(id, null, null);
        }

        ProviderItem {
            config = config == null ? Map.of() : config;
        }
    }
}
