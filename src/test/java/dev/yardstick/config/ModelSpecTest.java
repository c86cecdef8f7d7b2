package dev.yardstick.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

    @Test
    void splitsOnTheFirstSlashOnly() {
        ModelSpec spec = ModelSpec.parse("openrouter/meta-llama/llama-3.1-8b-instruct");
        assertEquals("openrouter", spec.provider());
        assertEquals("meta-llama/llama-3.1-8b-instruct", spec.model());
        assertEquals("openrouter/meta-llama/llama-3.1-8b-instruct", spec.label());
    }

    @Test
    void providerIsCaseInsensitive() {
        assertEquals("openai", ModelSpec.parse("OpenAI/gpt-4o-mini").provider());
    }

    @Test
    void rejectsMalformedNamesWithAHint() {
        for (String bad : new String[] {"gpt-4o", "/gpt-4o", "openai/", "", "  ", "open ai/x"}) {
            InputException e = assertThrows(InputException.class, () -> ModelSpec.parse(bad), bad);
            assertTrue(e.getMessage().contains("provider") || e.getMessage().contains("model"), e.getMessage());
        }
    }

    @Test
    void flagsWinOverConfigWhichWinsOverDefaults() {
        ModelParams defaults = new ModelParams(0.5, 100, null, null, Duration.ofSeconds(30));
        ModelParams fromFlags = new ModelParams(null, 10, 7, null, null);
        ModelParams merged = defaults.overriddenBy(fromFlags);
        assertEquals(0.5, merged.temperature());
        assertEquals(10, merged.maxTokens());
        assertEquals(7, merged.seed());
        assertEquals(Duration.ofSeconds(30), merged.timeout());
    }

    @Test
    void paramsRejectNonsense() {
        assertThrows(InputException.class, () -> new ModelParams(3.0, null, null, null, null));
        assertThrows(InputException.class, () -> new ModelParams(null, 0, null, null, null));
        assertThrows(InputException.class, () -> new ModelParams(null, null, null, null, Duration.ZERO));
    }

    @Test
    void durationsReadTheUsualUnits() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofNanos(250_000), Durations.parse("250us"));
        assertThrows(InputException.class, () -> Durations.parse("5 parsecs"));
        assertEquals("12.3ms", Durations.formatNanos(12_300_000));
    }
}
