package dev.yardstick.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.yardstick.provider.openai.OpenAiStreamingModel;
import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Yardstick's own OpenAI model with its streams on the event loop (the default for {@code http://}): the
 * decoder's push mode end to end, one stream after another on the same client, so its per-stream state (buffers,
 * the JSON parser) is taken and given back each time, and a broken stream is reported as on sockets.
 */
class OpenAiOverLoopTest {

    private static OpenAiStreamingModel model(LeanHttpClient client, LoopbackLlmServer server) {
        return new OpenAiStreamingModel(client, server.baseUrl(Protocol.OPENAI), "sk-loop", Map.of(),
                OpenAiStreamingModel.defaults("loopback-model", null, null), null, false);
    }

    private static LeanHttpClient loopClient() {
        return LeanHttpClient.builder().readTimeout(Duration.ofSeconds(5))
                .transport((connect, read) -> new SchemeTransport(connect, read, true)).build();
    }

    @Test
    void answersStreamOverTheLoopOneAfterAnother() throws Exception {
        try (LoopbackLlmServer server = LoopbackLlmServer.start(); LeanHttpClient client = loopClient()) {
            server.behavior(Behavior.DEFAULT.withTokens(7).withReportedUsage(11, 7));
            for (int i = 0; i < 3; i++) {
                Conversation conversation = Conversation.run(model(client, server), "hello " + i);
                ChatResponse response = conversation.response();
                assertEquals(7, conversation.partials.size());
                assertEquals(Behavior.DEFAULT.withTokens(7).text(), response.aiMessage().text());
                assertEquals(conversation.text(), response.aiMessage().text());
                assertEquals(11, response.tokenUsage().inputTokenCount());
                assertEquals(7, response.tokenUsage().outputTokenCount());
                // Each chunk is decoded where it was read; the caller, which waited, hears the end.
                assertTrue(conversation.callbackThreads.subList(0, 7).stream()
                                .allMatch(t -> t.getName().startsWith("yardstick-http-loop")),
                        "decoded on the loop thread: " + conversation.callbackThreads);
            }
        }
    }

    @Test
    void aStreamThatBreaksOffFailsAndTheNextStreamIsWhole() throws Exception {
        try (LoopbackLlmServer server = LoopbackLlmServer.start(); LeanHttpClient client = loopClient()) {
            server.behavior(Behavior.DEFAULT.withTokens(6).brokenAfter(2));
            Conversation broken = Conversation.run(model(client, server), "hello");
            Throwable error = broken.error();
            assertTrue(String.valueOf(error.getMessage()).contains("broke off")
                            || String.valueOf(error.getMessage()).contains("without a finish_reason"),
                    String.valueOf(error));
            server.behavior(Behavior.DEFAULT.withTokens(4));
            Conversation whole = Conversation.run(model(client, server), "again");
            assertEquals(Behavior.DEFAULT.withTokens(4).text(), whole.response().aiMessage().text());
        }
    }
}
