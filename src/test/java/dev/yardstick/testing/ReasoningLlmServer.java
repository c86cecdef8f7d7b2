package dev.yardstick.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback server that streams a reasoning model's answer the way each wire carries it: reasoning first, then,
 * after {@code thinking} more time, the visible answer. OpenAI-compatible chat completions put the reasoning in
 * {@code delta.reasoning_content} (DeepSeek, vLLM) or {@code delta.reasoning} (OpenRouter, Ollama's OpenAI API) and
 * report {@code completion_tokens_details.reasoning_tokens}; Anthropic streams a {@code thinking} content block of
 * {@code thinking_delta}s before its text block and counts thinking inside {@code output_tokens}; Gemini streams
 * parts marked {@code thought: true} and reports {@code thoughtsTokenCount} apart from
 * {@code candidatesTokenCount}.
 *
 * <p>Timing from the moment the request was read: the first reasoning chunk at {@code ttft}, one chunk every
 * {@code itl}, the first visible chunk {@code thinking} after the last reasoning chunk, then one every {@code itl}.
 *
 * @see Protocol
 */
public final class ReasoningLlmServer implements AutoCloseable {

    /** Where an OpenAI-compatible server puts the reasoning delta. */
    public enum OpenAiField {
        REASONING_CONTENT("reasoning_content"), REASONING("reasoning");

        private final String json;

        OpenAiField(String json) {
            this.json = json;
        }
    }

    /**
     * @param ttft            to the first reasoning chunk
     * @param itl             between consecutive chunks on either channel
     * @param thinking        extra wait between the last reasoning chunk and the first visible one
     * @param reasoningWords  reasoning chunks, one word each
     * @param answerWords     visible chunks, one word each
     * @param reportReasoning whether the usage says how many tokens were reasoning (where the wire can)
     */
    public record Script(Duration ttft, Duration itl, Duration thinking, int reasoningWords, int answerWords,
                         boolean reportReasoning) {

        public List<String> reasoning() {
            return words("think", reasoningWords);
        }

        public List<String> answer() {
            return words("ans", answerWords);
        }

        private static List<String> words(String stem, int n) {
            List<String> out = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                out.add((i == 1 ? "" : " ") + stem + i);
            }
            return out;
        }
    }

    private static final int INPUT_TOKENS = 7;

    private final HttpServer http;
    private final Script script;
    private final OpenAiField openAiField;

    private ReasoningLlmServer(Script script, OpenAiField openAiField) {
        this.script = script;
        this.openAiField = openAiField;
        http = LoopbackHttp.serve(this::handle);
    }

    public static ReasoningLlmServer start(Script script, OpenAiField openAiField) {
        return new ReasoningLlmServer(script, openAiField);
    }

    public String baseUrl(Protocol protocol) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + protocol.basePath();
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        long start = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        Frames frames = path.endsWith("/chat/completions") ? new OpenAiFrames()
                : path.endsWith("/messages") ? new AnthropicFrames()
                : path.contains(":streamGenerateContent") ? new GeminiFrames() : null;
        if (frames == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, frames.head());
            long due = start + script.ttft().toNanos();
            List<String> reasoning = script.reasoning();
            for (String word : reasoning) {
                sleepUntil(due);
                write(out, frames.reasoning(word));
                due += script.itl().toNanos();
            }
            due += script.thinking().toNanos() - script.itl().toNanos();
            String between = frames.between();
            if (!between.isEmpty()) {
                write(out, between);
            }
            for (String word : script.answer()) {
                sleepUntil(due);
                write(out, frames.answer(word));
                due += script.itl().toNanos();
            }
            write(out, frames.tail());
        }
    }

    private static void write(OutputStream out, String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sleepUntil(long due) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int outputTokens() {
        return script.reasoningWords() + script.answerWords();
    }

    /** One wire's stream, frame by frame. */
    private interface Frames {
        default String head() {
            return "";
        }

        String reasoning(String word);

        /** Between the channels (Anthropic closes its thinking block and opens the text block); "" for none. */
        default String between() {
            return "";
        }

        String answer(String word);

        String tail();
    }

    private final class OpenAiFrames implements Frames {

        @Override
        public String head() {
            return data(chunk(Json.object().put("role", "assistant").put("content", ""), null));
        }

        @Override
        public String reasoning(String word) {
            return data(chunk(Json.object().put(openAiField.json, word), null));
        }

        @Override
        public String answer(String word) {
            return data(chunk(Json.object().put("content", word), null));
        }

        @Override
        public String tail() {
            ObjectNode usageChunk = Json.object().put("id", "chatcmpl-r").put("object", "chat.completion.chunk")
                    .put("created", 1_700_000_000L).put("model", "reasoner");
            usageChunk.putArray("choices");
            ObjectNode usage = usageChunk.putObject("usage").put("prompt_tokens", INPUT_TOKENS)
                    .put("completion_tokens", outputTokens()).put("total_tokens", INPUT_TOKENS + outputTokens());
            if (script.reportReasoning()) {
                usage.putObject("completion_tokens_details").put("reasoning_tokens", script.reasoningWords());
            }
            return data(chunk(Json.object(), "stop")) + data(usageChunk) + "data: [DONE]\n\n";
        }

        private ObjectNode chunk(ObjectNode delta, String finish) {
            ObjectNode chunk = Json.object().put("id", "chatcmpl-r").put("object", "chat.completion.chunk")
                    .put("created", 1_700_000_000L).put("model", "reasoner");
            ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
            choice.set("delta", delta);
            choice.put("finish_reason", finish);
            return chunk;
        }

        private static String data(ObjectNode node) {
            return "data: " + Json.write(node) + "\n\n";
        }
    }

    private final class AnthropicFrames implements Frames {

        @Override
        public String head() {
            ObjectNode message = Json.object().put("id", "msg_r").put("type", "message").put("role", "assistant")
                    .put("model", "reasoner");
            message.putArray("content");
            message.putNull("stop_reason");
            message.putNull("stop_sequence");
            message.putObject("usage").put("input_tokens", INPUT_TOKENS).put("output_tokens", 1);
            ObjectNode block = Json.object().put("type", "content_block_start").put("index", 0);
            block.putObject("content_block").put("type", "thinking").put("thinking", "").put("signature", "");
            return event("message_start", Json.object().put("type", "message_start").set("message", message))
                    + event("content_block_start", block);
        }

        @Override
        public String reasoning(String word) {
            return delta(0, "thinking_delta", "thinking", word);
        }

        @Override
        public String between() {
            ObjectNode text = Json.object().put("type", "content_block_start").put("index", 1);
            text.putObject("content_block").put("type", "text").put("text", "");
            return delta(0, "signature_delta", "signature", "c2lnbmF0dXJl")
                    + event("content_block_stop", Json.object().put("type", "content_block_stop").put("index", 0))
                    + event("content_block_start", text);
        }

        @Override
        public String answer(String word) {
            return delta(1, "text_delta", "text", word);
        }

        private static String delta(int block, String type, String field, String value) {
            ObjectNode delta = Json.object().put("type", "content_block_delta").put("index", block);
            delta.putObject("delta").put("type", type).put(field, value);
            return event("content_block_delta", delta);
        }

        @Override
        public String tail() {
            ObjectNode messageDelta = Json.object().put("type", "message_delta");
            messageDelta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
            // Anthropic counts thinking inside output_tokens and gives no count of it apart.
            messageDelta.putObject("usage").put("output_tokens", outputTokens());
            return event("content_block_stop", Json.object().put("type", "content_block_stop").put("index", 1))
                    + event("message_delta", messageDelta)
                    + event("message_stop", Json.object().put("type", "message_stop"));
        }

        private static String event(String name, ObjectNode data) {
            return "event: " + name + "\ndata: " + Json.write(data) + "\n\n";
        }
    }

    private final class GeminiFrames implements Frames {

        @Override
        public String reasoning(String word) {
            ObjectNode response = Json.object();
            part(response, word).put("thought", true);
            return data(response.put("modelVersion", "reasoner"));
        }

        @Override
        public String answer(String word) {
            ObjectNode response = Json.object();
            part(response, word);
            return data(response.put("modelVersion", "reasoner"));
        }

        @Override
        public String tail() {
            ObjectNode last = Json.object();
            part(last, "");
            ((ObjectNode) last.get("candidates").get(0)).put("finishReason", "STOP");
            // Gemini reports thoughts apart: candidatesTokenCount holds the visible answer only.
            ObjectNode usage = last.putObject("usageMetadata").put("promptTokenCount", INPUT_TOKENS)
                    .put("candidatesTokenCount", script.answerWords())
                    .put("totalTokenCount", INPUT_TOKENS + outputTokens());
            if (script.reportReasoning()) {
                usage.put("thoughtsTokenCount", script.reasoningWords());
            }
            return data(last.put("modelVersion", "reasoner"));
        }

        private static ObjectNode part(ObjectNode response, String text) {
            ObjectNode candidate = response.putArray("candidates").addObject();
            ObjectNode content = candidate.putObject("content");
            ObjectNode part = content.putArray("parts").addObject().put("text", text);
            content.put("role", "model");
            candidate.put("index", 0);
            return part;
        }

        private static String data(ObjectNode node) {
            return "data: " + Json.write(node) + "\r\n\r\n";
        }
    }
}
