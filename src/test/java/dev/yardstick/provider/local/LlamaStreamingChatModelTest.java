package dev.yardstick.provider.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelParams;
import dev.yardstick.provider.TokenSource;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real inference on stories260K: one model loaded for the class, each test a few dozen tokens. */
class LlamaStreamingChatModelTest {

    private static final String STORY = "Once upon a time, there was a little girl named Lily.";
    private static final ModelParams GREEDY = new ModelParams(0.0, null, 42, null, null);

    private static LoadedModel model;
    private static LlamaStreamingChatModel greedy;

    @BeforeAll
    static void load() {
        model = LoadedModels.acquire(TestModels.stories());
        greedy = new LlamaStreamingChatModel(model, "local/stories260k", GREEDY);
    }

    @AfterAll
    static void free() {
        LoadedModels.release(model);
    }

    private static ChatRequest story(int maxTokens) {
        return ChatRequest.builder().messages(UserMessage.from(STORY)).maxOutputTokens(maxTokens).build();
    }

    @Test
    void streamedPiecesAddUpToTheAnswerWithTheModelsOwnCounts() {
        Capture call = Capture.chat(greedy, story(48));

        ChatResponse response = call.response();
        assertTrue(call.pieces().size() > 10, "streamed piece by piece: " + call.pieces());
        assertEquals(call.text(), response.aiMessage().text());
        assertTrue(call.ttftNanos() > 0 && call.ttftNanos() < call.e2eNanos(), "TTFT < E2E");
        assertEquals(new LlamaTokenCounter(model).count(STORY) + 1, response.tokenUsage().inputTokenCount(),
                "the prompt's tokens plus the BOS llama.cpp puts before it");
        assertEquals(48, response.tokenUsage().outputTokenCount());
        assertEquals(48, call.pieces().size(), "one piece per generated token (all ASCII here)");
        assertEquals(FinishReason.LENGTH, response.finishReason());
        assertEquals("local/stories260k", response.modelName());
        double tokensPerSecond = 48 / ((call.e2eNanos() - call.ttftNanos()) / 1e9);
        System.err.printf("stories260K: load %d ms, TTFT %.2f ms, E2E %.1f ms, decode %.0f tokens/s%n",
                model.loadTime().toMillis(), call.ttftNanos() / 1e6, call.e2eNanos() / 1e6, tokensPerSecond);
    }

    @Test
    void aFixedSeedAtTemperatureZeroGivesTheSameText() {
        String first = Capture.chat(greedy, story(32)).text();
        String second = Capture.chat(greedy, story(32)).text();
        assertEquals(first, second);
        assertTrue(first.contains(" "), first);

        LlamaStreamingChatModel sampled = new LlamaStreamingChatModel(model, "local/stories260k",
                new ModelParams(1.0, null, 7, null, null));
        String sampledOnce = Capture.chat(sampled, story(32)).text();
        assertEquals(sampledOnce, Capture.chat(sampled, story(32)).text(), "a seed fixes sampling too");
    }

    @Test
    void theDefaultOutputLimitAppliesWhenNoneIsGiven() {
        ChatResponse response = Capture.chat(greedy, ChatRequest.builder().messages(UserMessage.from(STORY))
                .build()).response();
        assertEquals(LlamaStreamingChatModel.DEFAULT_MAX_TOKENS, response.tokenUsage().outputTokenCount());
        assertEquals(FinishReason.LENGTH, response.finishReason());
    }

    @Test
    void aStopSequenceEndsTheAnswerWithStop() {
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from(STORY)).maxOutputTokens(60)
                .stopSequences(List.of(".")).build();
        Capture call = Capture.chat(greedy, request);
        ChatResponse response = call.response();
        assertEquals(FinishReason.STOP, response.finishReason());
        assertFalse(response.aiMessage().text().contains("."), response.aiMessage().text());
        assertTrue(response.tokenUsage().outputTokenCount() < 60);
        assertEquals(call.text(), response.aiMessage().text());
    }

    @Test
    void systemUserAndAssistantTextsArePlainLinesWithoutATemplate() {
        ChatRequest request = ChatRequest.builder().messages(SystemMessage.from("Stories for children."),
                UserMessage.from("Once upon a time"), AiMessage.from("there was a cat."),
                UserMessage.from("The cat")).maxOutputTokens(8).build();
        String prompt = greedy.prepare(request).prompt();
        assertEquals("Stories for children.\nOnce upon a time\nthere was a cat.\nThe cat", prompt);
        assertEquals(new LlamaTokenCounter(model).count(prompt) + 1,
                Capture.chat(greedy, request).response().tokenUsage().inputTokenCount());
    }

    @Test
    void cancellingTheHandleStopsGenerationWithNoFurtherCallback() {
        long full = System.nanoTime();
        Capture.chat(greedy, story(1500)).response();
        full = System.nanoTime() - full;

        long cancelledThenNext = System.nanoTime();
        Capture call = Capture.chat(greedy, story(1500), (n, context) -> {
            if (n == 3) {
                context.streamingHandle().cancel();
            }
        });
        ChatResponse next = Capture.chat(greedy, story(20)).response();
        cancelledThenNext = System.nanoTime() - cancelledThenNext;

        assertEquals(3, call.pieces().size(), "no piece after the cancel");
        assertEquals(0, call.endings());
        assertEquals(20, next.tokenUsage().outputTokenCount(), "the model serves the next request normally");
        assertTrue(cancelledThenNext < full, "llama.cpp stopped generating: the next request did not wait for "
                + "the cancelled one's 1500 tokens (" + cancelledThenNext / 1_000_000 + " ms vs " + full / 1_000_000
                + " ms)");
    }

    @Test
    void interruptingTheCallerCancelsAndReportsIt() {
        Capture call;
        try {
            call = Capture.chat(greedy, story(200), (n, context) -> {
                if (n == 5) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is kept");
        } finally {
            Thread.interrupted();
        }
        assertEquals(5, call.pieces().size());
        assertInstanceOf(CancellationException.class, call.error());
        assertTrue(call.error().getMessage().contains("after 5 tokens"), call.error().getMessage());
    }

    @Test
    void aPromptTooLongForTheContextIsAClearError() {
        String tooLong = "Once upon a time there was a dog. ".repeat(300);
        Capture call = Capture.chat(greedy, ChatRequest.builder().messages(UserMessage.from(tooLong)).build());
        InputException e = assertInstanceOf(InputException.class, call.error());
        assertTrue(e.getMessage().matches("the prompt is \\d+ tokens but local/stories260k holds 2048 tokens with "
                + "64 kept for the answer: shorten the prompt to at most 1984 tokens or lower the max tokens"),
                e.getMessage());
        assertTrue(call.pieces().isEmpty());
    }

    @Test
    void toolsAreRefusedBeforeAnyGeneration() {
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from(STORY))
                .toolSpecifications(ToolSpecification.builder().name("weather").build()).build();
        Capture call = Capture.chat(greedy, request);
        assertInstanceOf(UnsupportedFeatureException.class, call.error());
        assertTrue(call.pieces().isEmpty());
    }

    @Test
    void concurrentRequestsTakeTurnsAndEachGetsItsOwnAnswer() throws Exception {
        String expected = Capture.chat(greedy, story(24)).text();
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<CompletableFuture<Capture>> calls = List.of(
                    CompletableFuture.supplyAsync(() -> Capture.chat(greedy, story(24)), pool),
                    CompletableFuture.supplyAsync(() -> Capture.chat(greedy, story(24)), pool),
                    CompletableFuture.supplyAsync(() -> Capture.chat(greedy, story(24)), pool));
            for (CompletableFuture<Capture> call : calls) {
                Capture capture = call.get();
                assertNull(capture.error());
                assertEquals(expected, capture.text());
                assertEquals(24, capture.response().tokenUsage().outputTokenCount());
            }
        }
    }

    @Test
    void theTokenCounterIsTheModelsOwn() {
        LlamaTokenCounter counter = new LlamaTokenCounter(model);
        assertEquals("llama.cpp:stories260K.gguf", counter.name());
        assertEquals(TokenSource.COUNTED, counter.source());
        assertEquals(0, counter.count(""));
        assertEquals(15, counter.count(STORY)); // stories260K's 512-token vocabulary splits words finely
        assertNotEquals(counter.count(STORY), counter.count(STORY + STORY));
    }
}
