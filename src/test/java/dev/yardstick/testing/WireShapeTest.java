package dev.yardstick.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The exact frames, headers and error bodies the server sends, read without any provider client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireShapeTest {

    private LoopbackLlmServer server;

    @BeforeAll
    void start() {
        server = LoopbackLlmServer.builder().models("alpha", "beta").start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    private String openAiUrl() {
        return server.baseUrl(Protocol.OPENAI) + "/chat/completions";
    }

    private static List<JsonNode> dataEvents(String sse) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                events.add(Json.MAPPER.readTree(line.substring("data: ".length())));
            }
        }
        return events;
    }

    @Test
    void openAiStreamStartsRoleOnlyAndSendsUsageOnlyWhenAsked() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(2).withKeepAlive(true));
        HttpResponse<String> asked = RawHttp.send(RawHttp.post(openAiUrl(), RawHttp.openAiBody(true, true)));
        assertEquals(200, asked.statusCode());
        assertEquals("req_loopback0", asked.headers().firstValue("x-request-id").orElseThrow());
        assertTrue(asked.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        String body = asked.body();
        assertTrue(body.endsWith("data: [DONE]\n\n"), body);
        assertTrue(body.contains("\n\n: ping\n\n"), "keep-alive comments between events");
        List<JsonNode> events = dataEvents(body);
        assertEquals(5, events.size()); // role, 2 contents, finish, usage
        JsonNode role = events.get(0).path("choices").get(0).path("delta");
        assertEquals("assistant", role.path("role").asText());
        assertEquals("", role.path("content").asText());
        assertEquals("tok1", events.get(1).path("choices").get(0).path("delta").path("content").asText());
        assertEquals("stop", events.get(3).path("choices").get(0).path("finish_reason").asText());
        JsonNode usage = events.get(4);
        assertEquals(0, usage.path("choices").size());
        assertEquals(2, usage.path("usage").path("prompt_tokens").asInt());
        assertEquals(2, usage.path("usage").path("completion_tokens").asInt());
        assertEquals(0, usage.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt());

        String notAsked = RawHttp.send(RawHttp.post(openAiUrl(), RawHttp.openAiBody(true, false))).body();
        assertEquals(4, dataEvents(notAsked).size());
        assertFalse(notAsked.contains("\"usage\""), notAsked);

        server.behavior(Behavior.DEFAULT.withTokens(2).withUsage(Behavior.UsageMode.ALWAYS));
        String always = RawHttp.send(RawHttp.post(openAiUrl(), RawHttp.openAiBody(true, false))).body();
        assertEquals(2, dataEvents(always).get(4).path("usage").path("completion_tokens").asInt());
    }

    @Test
    void nonStreamedAnswersCarryUsageUnlessTurnedOff() throws Exception {
        JsonNode whole = Json.MAPPER.readTree(
                RawHttp.send(RawHttp.post(openAiUrl(), RawHttp.openAiBody(false, false))).body());
        assertEquals("chat.completion", whole.path("object").asText());
        assertEquals(Behavior.DEFAULT.text(), whole.path("choices").get(0).path("message").path("content").asText());
        assertEquals(10, whole.path("usage").path("completion_tokens").asInt());

        server.behavior(Behavior.DEFAULT.withUsage(Behavior.UsageMode.NEVER));
        JsonNode bare = Json.MAPPER.readTree(
                RawHttp.send(RawHttp.post(openAiUrl(), RawHttp.openAiBody(false, false))).body());
        assertTrue(bare.path("usage").isMissingNode());
    }

    @Test
    void rateLimitCarriesRetryAfterInWholeSecondsAndEachProtocolsErrorShape() throws Exception {
        server.behavior(Behavior.DEFAULT.rateLimited(Duration.ofMillis(1500)));
        HttpResponse<String> openAi = RawHttp.send(RawHttp.post(openAiUrl(), RawHttp.openAiBody(true, true)));
        assertEquals(429, openAi.statusCode());
        assertEquals("2", openAi.headers().firstValue("retry-after").orElseThrow());
        assertEquals("rate_limit_exceeded", Json.MAPPER.readTree(openAi.body()).path("error").path("code").asText());

        HttpResponse<String> anthropic = RawHttp.send(RawHttp.post(server.baseUrl(Protocol.ANTHROPIC) + "/messages",
                "{\"model\":\"c\",\"max_tokens\":10,\"messages\":[]}", "x-api-key", "k", "anthropic-version", "v"));
        JsonNode anthropicError = Json.MAPPER.readTree(anthropic.body());
        assertEquals("error", anthropicError.path("type").asText());
        assertEquals("rate_limit_error", anthropicError.path("error").path("type").asText());

        HttpResponse<String> gemini = RawHttp.send(RawHttp.post(
                server.baseUrl(Protocol.GEMINI) + "/models/g:generateContent", "{\"contents\":[]}"));
        assertEquals("RESOURCE_EXHAUSTED", Json.MAPPER.readTree(gemini.body()).path("error").path("status").asText());

        HttpResponse<String> ollama = RawHttp.send(RawHttp.post(server.baseUrl() + "/api/chat", "{\"model\":\"o\"}"));
        assertTrue(Json.MAPPER.readTree(ollama.body()).path("error").isTextual());

        HttpResponse<String> mistral = RawHttp.send(RawHttp.post(
                server.baseUrl(Protocol.MISTRAL) + "/chat/completions", RawHttp.openAiBody(true, false)));
        assertEquals("error", Json.MAPPER.readTree(mistral.body()).path("object").asText());
        assertEquals(5, server.requestCount());
    }

    @Test
    void anthropicRefusesRequestsWithoutItsHeaders() throws Exception {
        String url = server.baseUrl(Protocol.ANTHROPIC) + "/messages";
        String body = "{\"model\":\"c\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        HttpResponse<String> noKey = RawHttp.send(RawHttp.post(url, body, "anthropic-version", "2023-06-01"));
        assertEquals(401, noKey.statusCode());
        assertEquals("authentication_error",
                Json.MAPPER.readTree(noKey.body()).path("error").path("type").asText());
        HttpResponse<String> noVersion = RawHttp.send(RawHttp.post(url, body, "x-api-key", "k"));
        assertEquals(400, noVersion.statusCode());
        assertEquals(2, server.requests().size(), "refused requests are still recorded");
    }

    @Test
    void anthropicStreamHasTheServicesEventSequence() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(2));
        String sse = RawHttp.send(RawHttp.post(server.baseUrl(Protocol.ANTHROPIC) + "/messages",
                "{\"model\":\"c\",\"max_tokens\":10,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"a b c\"}]}",
                "x-api-key", "k", "anthropic-version", "2023-06-01")).body();
        List<String> names = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("event: ")) {
                names.add(line.substring("event: ".length()));
            }
        }
        assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop"), names);
        List<JsonNode> data = dataEvents(sse);
        assertEquals(3, data.get(0).path("message").path("usage").path("input_tokens").asInt());
        assertEquals(2, data.get(6).path("usage").path("output_tokens").asInt());
        assertEquals("end_turn", data.get(6).path("delta").path("stop_reason").asText());
    }

    @Test
    void ollamaStreamsNdjsonEndingWithCountsAndDurations() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(2).withTtft(Duration.ofMillis(5)).withItl(Duration.ofMillis(3)));
        HttpResponse<String> response = RawHttp.send(RawHttp.post(server.baseUrl() + "/api/chat",
                "{\"model\":\"llama\",\"messages\":[{\"role\":\"user\",\"content\":\"one two\"}]}"));
        assertEquals("application/x-ndjson", response.headers().firstValue("content-type").orElseThrow());
        String[] lines = response.body().split("\n");
        assertEquals(3, lines.length);
        assertFalse(Json.MAPPER.readTree(lines[0]).path("done").asBoolean());
        JsonNode done = Json.MAPPER.readTree(lines[2]);
        assertTrue(done.path("done").asBoolean());
        assertEquals("stop", done.path("done_reason").asText());
        assertEquals(2, done.path("prompt_eval_count").asInt());
        assertEquals(2, done.path("eval_count").asInt());
        assertEquals(5_000_000L, done.path("prompt_eval_duration").asLong());
        assertEquals(3_000_000L, done.path("eval_duration").asLong());
    }

    @Test
    void geminiStreamUsesCrlfSeparatedEventsAndFinishesWithUsage() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(2));
        String sse = RawHttp.send(RawHttp.post(
                server.baseUrl(Protocol.GEMINI) + "/models/gemini-x:streamGenerateContent?alt=sse",
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"a b c d\"}]}]}")).body();
        String[] events = sse.split("\r\n\r\n");
        assertEquals(3, events.length);
        JsonNode last = Json.MAPPER.readTree(events[2].substring("data: ".length()));
        assertEquals("STOP", last.path("candidates").get(0).path("finishReason").asText());
        assertEquals(4, last.path("usageMetadata").path("promptTokenCount").asInt());
        assertEquals(2, last.path("usageMetadata").path("candidatesTokenCount").asInt());
        assertEquals("gemini-x", last.path("modelVersion").asText());
    }

    @Test
    void reachabilityProbesListTheConfiguredModelsInEachShape() throws Exception {
        JsonNode openAi = Json.MAPPER.readTree(RawHttp.get(server.baseUrl(Protocol.OPENAI) + "/models").body());
        assertEquals("alpha", openAi.path("data").get(0).path("id").asText());
        assertEquals("list", openAi.path("object").asText());
        JsonNode anthropic = Json.MAPPER.readTree(RawHttp.get(server.baseUrl(Protocol.ANTHROPIC) + "/models",
                "x-api-key", "k", "anthropic-version", "2023-06-01").body());
        assertEquals("model", anthropic.path("data").get(1).path("type").asText());
        assertEquals("beta", anthropic.path("last_id").asText());
        JsonNode mistral = Json.MAPPER.readTree(RawHttp.get(server.baseUrl(Protocol.MISTRAL) + "/models").body());
        assertEquals("beta", mistral.path("data").get(1).path("id").asText());
        JsonNode ollama = Json.MAPPER.readTree(RawHttp.get(server.baseUrl() + "/api/tags").body());
        assertEquals("alpha", ollama.path("models").get(0).path("name").asText());
        JsonNode gemini = Json.MAPPER.readTree(RawHttp.get(server.baseUrl(Protocol.GEMINI) + "/models").body());
        assertEquals("models/beta", gemini.path("models").get(1).path("name").asText());
        assertEquals("Ollama is running", RawHttp.get(server.baseUrl() + "/").body());
        assertEquals(404, RawHttp.get(server.baseUrl() + "/nowhere").statusCode());
        assertEquals(6, server.probeCount());
        assertEquals(0, server.requestCount());
    }

    @Test
    void brokenNonStreamedAnswerEndsShortOfItsLength() {
        server.behavior(Behavior.DEFAULT.brokenAfter(0));
        assertThrows(IOException.class,
                () -> RawHttp.send(RawHttp.post(openAiUrl(), RawHttp.openAiBody(false, false))));
    }

    @Test
    void invalidJsonIsRefusedWith400AndRecordedRaw() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(openAiUrl(), "not json"));
        assertEquals(400, response.statusCode());
        assertEquals("not json", server.lastRequest().body().asText());
    }
}
