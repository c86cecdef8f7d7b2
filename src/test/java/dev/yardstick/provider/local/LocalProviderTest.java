package dev.yardstick.provider.local;

import dev.yardstick.config.YardstickConfig;
import dev.yardstick.config.ModelConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.provider.Availability;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.TokenSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProviderTest {

    private static final ProviderContext CONTEXT = new ProviderContext(Map.of(), null);
    private static final String CHATML = "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' "
            + "+ message['content'] + '<|im_end|>\\n' }}{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    @TempDir
    Path tmp;

    /** The provider seeing only the folder holding the real model, and a download address nobody answers. */
    private LocalProvider provider(Path modelsDir) {
        return new LocalProvider(env -> new ModelFiles(tmp, List.of(modelsDir), tmp.resolve("cache"),
                URI.create("http://127.0.0.1:9/unused")));
    }

    private static Path storiesDir() {
        return TestModels.stories().getParent();
    }

    @Test
    void theConfigSetsAnotherWindowWithinWhatLlamaCppWasGiven() {
        YardstickConfig config = new YardstickConfig(Map.of(), Map.of(
                "local/stories260k", new ModelConfig(null, null, null, null, null, 512, null),
                "local/stories260K.gguf", new ModelConfig(null, null, null, null, null, 100_000, null)), null);
        ProviderContext context = new ProviderContext(Map.of(), config);
        try (ModelClient client = provider(storiesDir()).open(ModelSpec.parse("local/stories260k"), context);
             ModelClient capped = provider(storiesDir()).open(ModelSpec.parse("local/stories260K.gguf"), context)) {
            assertEquals(OptionalInt.of(512), client.contextWindow());
            assertEquals(OptionalInt.of(2048), capped.contextWindow(), "never more than llama.cpp's context");
        }
    }

    @Test
    void opensTheDefaultModelWithItsContextAndTokenizer() {
        try (ModelClient client = provider(storiesDir()).open(ModelSpec.parse("local/stories260k"), CONTEXT)) {
            assertEquals("local/stories260k", client.spec().label());
            assertEquals(OptionalInt.of(128), client.contextWindow(), "stories260K's trained context, not its header's");
            assertEquals(1, client.maxConcurrency());
            assertEquals(TokenSource.COUNTED, client.tokenCounter().source());
            assertEquals("llama.cpp:stories260K.gguf", client.tokenCounter().name());
            assertFalse(client.synthetic());
            String text = Capture.chat(client.chatModel(), ChatRequest.builder()
                    .messages(UserMessage.from("Once upon a time")).maxOutputTokens(5).build()).text();
            assertFalse(text.isBlank(), text);
        }
    }

    @Test
    void theSameFileOpenedTwiceIsLoadedOnceAndFreedWithTheLastClose() {
        LocalProvider local = provider(storiesDir());
        LocalModelClient first = (LocalModelClient) local.open(ModelSpec.parse("local/stories260k"), CONTEXT);
        LocalModelClient second = (LocalModelClient) local.open(
                ModelSpec.parse("local/" + TestModels.stories()), CONTEXT); // the same file by its path
        LoadedModel shared = first.loadedModel();
        assertSame(shared, second.loadedModel());
        assertEquals(2, LoadedModels.references(shared));

        first.close();
        first.close(); // twice is harmless and gives back one reference only
        assertEquals(1, LoadedModels.references(shared));
        assertFalse(shared.isClosed());
        assertTrue(second.tokenCounter().count("Once upon a time") > 0, "the other opening still works");

        second.close();
        assertTrue(shared.isClosed());
        assertEquals(0, LoadedModels.references(shared));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> second.tokenCounter().count("Once"));
        assertTrue(e.getMessage().contains("was closed"), e.getMessage());

        try (LocalModelClient again = (LocalModelClient) local.open(ModelSpec.parse("local/stories260k"), CONTEXT)) {
            assertFalse(again.loadedModel().isClosed(), "a later open loads it afresh");
        }
    }

    @Test
    void aModelWithAChatTemplateGetsItsPromptThroughTheTemplate() throws IOException {
        Path templated = GgufFixture.withString(TestModels.stories(), "tokenizer.chat_template", CHATML,
                tmp.resolve("stories-chat.gguf"));
        try (ModelClient client = provider(tmp).open(ModelSpec.parse("local/stories-chat"), CONTEXT)) {
            LlamaStreamingChatModel chat = (LlamaStreamingChatModel) client.chatModel();
            ChatRequest request = ChatRequest.builder().messages(SystemMessage.from("Tell stories."),
                    UserMessage.from("Once upon a time")).maxOutputTokens(4).build();
            assertEquals("<|im_start|>system\nTell stories.<|im_end|>\n<|im_start|>user\nOnce upon a time<|im_end|>\n"
                    + "<|im_start|>assistant\n", chat.prepare(request).prompt());
            assertEquals(4, Capture.chat(chat, request).response().tokenUsage().outputTokenCount());
        }
        assertTrue(Files.exists(templated));
    }

    @Test
    void availabilitySaysWhereTheDefaultModelIsOrWhereItWillGo() {
        Availability found = provider(storiesDir()).availability(CONTEXT);
        assertTrue(found.usable());
        assertEquals("stories260K.gguf at " + TestModels.stories(), found.reason());

        Availability missing = provider(tmp.resolve("empty")).availability(CONTEXT);
        assertTrue(missing.usable(), "it can be downloaded");
        assertEquals("stories260K.gguf not found yet: the first use downloads it (1.2 MB) to "
                + tmp.resolve("cache/stories260K.gguf"), missing.reason());
    }

    @Test
    void anUnknownModelOrANonModelFileIsAnInputError() throws IOException {
        LocalProvider local = provider(tmp);
        InputException missing = assertThrows(InputException.class,
                () -> local.open(ModelSpec.parse("local/llama-70b"), CONTEXT));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());

        Files.writeString(tmp.resolve("fake.gguf"), "not a model");
        InputException fake = assertThrows(InputException.class,
                () -> local.open(ModelSpec.parse("local/fake"), CONTEXT));
        assertTrue(fake.getMessage().contains("is not a GGUF model file"), fake.getMessage());
    }

    @Test
    void paramsFromTheSpecBecomeTheModelsDefaults() {
        ModelSpec spec = ModelSpec.parse("local/stories260k")
                .withParams(new ModelParams(0.0, 7, 1, null, null));
        try (ModelClient client = provider(storiesDir()).open(spec, CONTEXT)) {
            assertEquals(7, client.chatModel().defaultRequestParameters().maxOutputTokens());
            assertEquals(0.0, client.chatModel().defaultRequestParameters().temperature());
            assertEquals(7, Capture.chat(client.chatModel(), ChatRequest.builder()
                    .messages(UserMessage.from("Once upon a time")).build()).response().tokenUsage()
                    .outputTokenCount());
        }
    }
}
