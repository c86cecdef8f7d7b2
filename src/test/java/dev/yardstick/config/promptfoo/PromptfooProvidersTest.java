package dev.yardstick.config.promptfoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.EndpointConfig;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.Secrets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** promptfoo provider ids as Yardstick models: each prefix it maps, and what it refuses. */
class PromptfooProvidersTest {

    private final PromptfooProviders providers = new PromptfooProviders();

    @AfterEach
    void forget() {
        Secrets.forgetAll();
    }

    private ModelSpec map(String id) {
        return providers.map(PromptfooFile.ProviderItem.of(id));
    }

    @Test
    void eachPrefixMapsOntoItsProvider() {
        assertEquals("openai/gpt-4o-mini", map("openai:chat:gpt-4o-mini").label());
        assertEquals("openai/gpt-4o-mini", map("openai:gpt-4o-mini").label());
        assertEquals("openai/ft:gpt-4o:org::x1", map("openai:chat:ft:gpt-4o:org::x1").label());
        assertEquals("anthropic/claude-3-5-haiku-latest", map("anthropic:messages:claude-3-5-haiku-latest").label());
        assertEquals("ollama/llama3.2", map("ollama:chat:llama3.2").label());
        assertEquals("mistral/mistral-small-latest", map("mistral:mistral-small-latest").label());
        assertEquals("gemini/gemini-2.5-flash", map("google:gemini-2.5-flash").label());
        assertEquals("local/stories260k", map("local/stories260k").label());
        assertEquals("mock/fast?tokens=8", map("mock/fast?tokens=8").label());
        assertTrue(providers.endpoints().isEmpty(), "plain ids need no endpoint");
    }

    @Test
    void configSetsParametersAndALabelMakesAnEndpoint() {
        ModelSpec plain = providers.map(new PromptfooFile.ProviderItem("openai:chat:m", null,
                Map.of("apiBaseUrl", "http://127.0.0.1:9/v1", "temperature", 0.2, "max_tokens", 64, "seed", 7)));
        assertEquals("openai/m", plain.label());
        assertEquals("http://127.0.0.1:9/v1", plain.params().baseUrl());
        assertEquals(0.2, plain.params().temperature());
        assertEquals(64, plain.params().maxTokens());
        assertEquals(7, plain.params().seed());
        ModelSpec labelled = providers.map(new PromptfooFile.ProviderItem("anthropic:messages:claude", "Fast One",
                Map.of("apiKey", "{{ env.MY_KEY }}")));
        assertEquals("fast-one/claude", labelled.label());
        EndpointConfig endpoint = providers.endpoints().get("fast-one");
        assertEquals("anthropic", endpoint.provider());
        assertEquals("https://api.anthropic.com/v1", endpoint.baseUrl());
        assertEquals("MY_KEY", endpoint.apiKeyEnv());
        assertTrue(providers.keys().isEmpty(), "a key from the environment is not copied");
        ModelSpec written = providers.map(new PromptfooFile.ProviderItem("openai:m", "other",
                Map.of("apiKey", "sk-written-123456789")));
        String variable = providers.endpoints().get("other").apiKeyEnv();
        assertEquals("sk-written-123456789", providers.keys().get(variable));
        assertEquals("other/m", written.label());
        assertEquals("***", Secrets.redact("sk-written-123456789"), "a written key is scrubbed from output");
        assertNull(providers.endpoints().get("openai"));
    }

    @Test
    void whatCannotBeMappedSaysWhy() {
        Map<String, String> refusals = Map.of("vertex:gemini-pro", "unknown provider prefix 'vertex:'",
                "openai:embedding:text-embedding-3-small", "OpenAI's chat API only",
                "anthropic:completion:claude-2", "Messages API", "ollama:llama3", "Ollama's chat API only",
                "google:chat:gemini", "google:MODEL", "openai:chat:", "no model named");
        refusals.forEach((id, why) -> assertTrue(refused(id).contains(why), id + ": " + refused(id)));
        assertTrue(assertThrows(PromptfooProviders.Unmappable.class, () -> providers.map(
                new PromptfooFile.ProviderItem("mock/fast", "fast", Map.of()))).getMessage()
                .contains("a label renames hosted providers only"));
        assertTrue(assertThrows(PromptfooProviders.Unmappable.class, () -> providers.map(
                new PromptfooFile.ProviderItem("openai:m", null, Map.of("temperature", 5)))).getMessage()
                .contains("temperature must be between 0 and 2"));
    }

    private String refused(String id) {
        return assertThrows(PromptfooProviders.Unmappable.class, () -> map(id)).getMessage();
    }
}
