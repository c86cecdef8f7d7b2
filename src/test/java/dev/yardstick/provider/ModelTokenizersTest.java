package dev.yardstick.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.provider.local.LocalProvider;
import dev.yardstick.provider.tokens.EstimatingCounter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which tokenizer counts a model's tokens outside a run is the provider's rule, not the caller's. */
class ModelTokenizersTest {

    @TempDir
    Path empty;

    private ProviderRegistry registry() {
        // No model files anywhere: a local model cannot be opened.
        return ProviderRegistry.create(new ProviderContext(Map.of("YARDSTICK_MODELS", empty.toString(),
                "HOME", empty.toString()), null), List.of(new LocalProvider()), null);
    }

    @Test
    void inProcessProvidersAreTheLocalAndMockOnes() {
        ProviderRegistry registry = registry();
        assertTrue(registry.inProcess("mock"));
        assertTrue(registry.inProcess("local"));
        assertFalse(registry.inProcess("openai"));
        assertFalse(registry.inProcess("no-such-provider"), "an unknown name is no error here: counted by name");
    }

    @Test
    void eachModelIsCountedByItsOwnTokenizer() {
        List<String> warnings = new ArrayList<>();
        try (ModelTokenizers tokenizers = new ModelTokenizers(registry(), warnings::add)) {
            assertEquals("mock:words", tokenizers.apply("mock/fast").name(), "a mock model counts its own way");
            assertTrue(tokenizers.apply("openai/gpt-4o").name().contains("o200k"),
                    tokenizers.apply("openai/gpt-4o").name());
            assertSame(EstimatingCounter.INSTANCE, tokenizers.apply("acme/unknown-model"));
            assertSame(tokenizers.apply("mock/fast"), tokenizers.apply("mock/fast"), "opened once");
            assertTrue(warnings.isEmpty(), warnings.toString());

            assertSame(EstimatingCounter.INSTANCE, tokenizers.apply("local/missing-model"));
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("cannot open local/missing-model"), warnings.get(0));
        }
    }
}
