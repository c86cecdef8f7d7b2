package dev.yardstick.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import dev.yardstick.provider.http.HttpStatusException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OpenAI stream decoder on chunk sequences as OpenAI-compatible servers send them, cut at every size. */
class OpenAiStreamDecoderTest {

    private static final String HEAD = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"gpt-test\",\"system_fingerprint\":\"fp_1\",\"choices\":";

    private static String chunk(String delta, String finish) {
        return "data: " + HEAD + "[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finish
                + "}]}\n\n";
    }

    private static final String USAGE = "data: " + HEAD + "[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7,"
            + "\"total_tokens\":19,\"prompt_tokens_details\":{\"cached_tokens\":4,\"audio_tokens\":0},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":3,\"accepted_prediction_tokens\":0}}}\n\n";

    /** A whole answer as OpenAI streams it: role chunk, content, finish chunk, usage-only chunk, [DONE]. */
    private static final String ANSWER = chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null")
            + chunk("{\"content\":\"Hél\"}", "null")
            + ": keep-alive comment\n\n"
            + chunk("{\"content\":\"lo 日本\"}", "null")
            + chunk("{\"content\":\" 🎉\"}", "null")
            + chunk("{}", "\"stop\"")
            + USAGE
            + "data: [DONE]\n\n";

    /** Hands out at most {@code piece} bytes per read, so that lines and characters are cut anywhere. */
    private static InputStream pieces(String body, int piece) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, piece));
            }
        };
    }

    private static String decode(OpenAiStreamDecoder decoder, String body, int piece) throws IOException {
        decoder.opened(() -> { });
        return decoder.read(pieces(body, piece));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 100_000})
    void contentUsageAndFinishReasonArriveWhateverTheReadsCut(int piece) throws IOException {
        Heard heard = new Heard();
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder(heard, true);

        assertNull(decode(decoder, ANSWER, piece));
        decoder.completed();

        assertEquals(List.of("Hél", "lo 日本", " 🎉"), heard.partials, "empty and role-only deltas are not content");
        ChatResponse response = heard.response;
        assertEquals("Héllo 日本 🎉", response.aiMessage().text());
        assertEquals(FinishReason.STOP, response.finishReason());
        assertEquals("chatcmpl-1", response.id());
        assertEquals("gpt-test", response.modelName());
        OpenAiTokenUsage usage = (OpenAiTokenUsage) response.tokenUsage();
        assertEquals(12, usage.inputTokenCount());
        assertEquals(7, usage.outputTokenCount());
        assertEquals(19, usage.totalTokenCount());
        assertEquals(4, usage.inputTokensDetails().cachedTokens());
        assertEquals(3, usage.outputTokensDetails().reasoningTokens());
    }

    @Test
    void reasoningDeltasGoToThinkingAndNeverToContent() throws IOException {
        String body = chunk("{\"role\":\"assistant\",\"reasoning_content\":\"Let me\"}", "null")
                + chunk("{\"reasoning\":\" think.\"}", "null") // OpenRouter's and vLLM's newer name
                + chunk("{\"content\":\"42\"}", "null")
                + chunk("{}", "\"length\"") + "data: [DONE]\n\n";
        Heard heard = new Heard();
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder(heard, true);

        assertNull(decode(decoder, body, 5));
        decoder.completed();

        assertEquals(List.of("Let me", " think."), heard.thinking);
        assertEquals(List.of("42"), heard.partials);
        assertEquals("Let me think.", heard.response.aiMessage().thinking());
        assertEquals(FinishReason.LENGTH, heard.response.finishReason());
        assertNull(heard.response.tokenUsage(), "no usage was sent");
    }

    @Test
    void thinkingIsKeptOutOfTheResponseWhenNotAskedFor() throws IOException {
        Heard heard = new Heard();
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder(heard, false);

        assertNull(decode(decoder, chunk("{\"reasoning_content\":\"hm\",\"content\":\"ok\"}", "\"stop\""), 100));
        decoder.completed();

        assertEquals(List.of(), heard.thinking);
        assertNull(heard.response.aiMessage().thinking());
        assertEquals("ok", heard.response.aiMessage().text());
    }

    @Test
    void finishReasonsMapAsLangchain4jMapsThem() {
        assertEquals(FinishReason.STOP, OpenAiStreamDecoder.finishReason("stop"));
        assertEquals(FinishReason.LENGTH, OpenAiStreamDecoder.finishReason("length"));
        assertEquals(FinishReason.CONTENT_FILTER, OpenAiStreamDecoder.finishReason("content_filter"));
        assertEquals(FinishReason.TOOL_EXECUTION, OpenAiStreamDecoder.finishReason("tool_calls"));
        assertNull(OpenAiStreamDecoder.finishReason("eos"));
        assertNull(OpenAiStreamDecoder.finishReason(null));
    }

    @Test
    void doneAfterAChoiceCompletesAStreamThatGaveNoReason() throws IOException {
        Heard heard = new Heard();
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder(heard, true);

        assertNull(decode(decoder, chunk("{\"content\":\"hi\"}", "null") + "data: [DONE]\n\n", 100));
        decoder.completed();

        assertNull(heard.response.finishReason());
        assertEquals("hi", heard.response.aiMessage().text());
    }

    @Test
    void aStreamWithoutFinishReasonOrDoneIsIncomplete() throws IOException {
        String wrong = decode(new OpenAiStreamDecoder(new Heard(), true), chunk("{\"content\":\"hi\"}", "null"), 100);

        assertEquals("the stream ended without a finish_reason or data: [DONE]", wrong);
    }

    @Test
    void usageAloneIsNotAnAnswer() throws IOException {
        String wrong = decode(new OpenAiStreamDecoder(new Heard(), true), USAGE + "data: [DONE]\n\n", 100);

        assertTrue(wrong.startsWith("no choice in the stream"), wrong);
    }

    @Test
    void aBodyWithoutEventsIsNotAStream() throws IOException {
        String wrong = decode(new OpenAiStreamDecoder(new Heard(), true), "<html>busy</html>\n", 100);

        assertTrue(wrong.startsWith("no SSE event in the response"), wrong);
    }

    /** JSON cut short, and JSON followed by more than white space (which must never join the next event). */
    @ParameterizedTest
    @ValueSource(strings = {"{\"choices\":[{\"delta\":{\"content\":\"two\"}", "{\"choices\":[]} {\"choices\":"})
    void malformedJsonEndsTheStreamBeforeTheHandlerHearsOfIt(String broken) throws IOException {
        Heard heard = new Heard();
        String body = chunk("{\"content\":\"one\"}", "null") + "data: " + broken + "\n\n"
                + chunk("{\"content\":\"three\"}", "\"stop\"");

        String wrong = decode(new OpenAiStreamDecoder(heard, true), body, 9);

        assertEquals("an event that is not JSON: " + broken, wrong);
        assertEquals(List.of("one"), heard.partials, "nothing after the broken chunk reaches the handler");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 100_000})
    void eventsOfAnySizeAreReadOneAfterTheOtherBySpaceOrAlone(int piece) throws IOException {
        String longText = "é日".repeat(3_000); // 15,000 bytes: more than the parser reads at once
        String body = chunk("{\"content\":\"" + longText + "\"}", "null").replace("}\n\n", "} \t \n\n")
                + chunk("{\"content\":\"!\"}", "null") + "data:" + HEAD + "[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n";
        Heard heard = new Heard();
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder(heard, true);

        assertNull(decode(decoder, body, piece));
        decoder.completed();

        assertEquals(List.of(longText, "!"), heard.partials);
        assertEquals(FinishReason.STOP, heard.response.finishReason());
    }

    @Test
    void dataThatIsNotAnObjectOrCarriesAnErrorFailsTheStream() throws IOException {
        assertTrue(decode(new OpenAiStreamDecoder(new Heard(), true), "data: [1,2]\n\n", 100)
                .startsWith("an event that is not a JSON object"));
        Heard heard = new Heard();
        String error = decode(new OpenAiStreamDecoder(heard, true), chunk("{\"content\":\"x\"}", "null")
                + "data: {\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}\n\n", 100);
        assertTrue(error.startsWith("an error object in the stream: {\"error\""), error);
        assertTrue(decode(new OpenAiStreamDecoder(new Heard(), true), "event: error\ndata: {\"message\":\"no\"}\n\n",
                100).startsWith("an error event in the stream"));
        assertTrue(decode(new OpenAiStreamDecoder(new Heard(), true), "data: {\"type\":\"error\"}\n\n", 100)
                .startsWith("an error object in the stream"));
    }

    @Test
    void crlfLinesAndMultiLineDataAreFramedAsLangchain4jFramesThem() throws IOException {
        Heard heard = new Heard();
        String body = ("data: " + HEAD + "[{\"index\":0,\n"
                + "data: \"delta\":{\"content\":\"a\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n").replace("\n", "\r\n");
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder(heard, true);

        assertNull(decode(decoder, body, 4));
        decoder.completed();

        assertEquals(List.of("a"), heard.partials);
    }

    @Test
    void failuresReachTheHandlerMappedAsLangchain4jMapsThem() {
        Heard heard = new Heard();
        HttpStatusException status = HttpStatusException.of(429, Map.of("Retry-After", List.of("2")), "slow down",
                Instant.now());

        new OpenAiStreamDecoder(heard, true).failed(status);

        assertInstanceOf(RateLimitException.class, heard.error);
        assertEquals(status, HttpStatusException.findIn(heard.error).orElseThrow());
    }

    @Test
    void cancellingThroughTheHandleStopsTheStream() {
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder(new Heard(), true);
        AtomicBoolean stopped = new AtomicBoolean();
        decoder.opened(() -> stopped.set(true));

        decoder.cancel();

        assertTrue(stopped.get());
        assertTrue(decoder.isCancelled());
    }
}
