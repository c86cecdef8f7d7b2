package dev.yardstick.provider.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.BufferRecycler;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.internal.ExceptionMapper;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.openai.internal.OpenAiUtils;
import dev.langchain4j.model.output.FinishReason;
import dev.yardstick.provider.http.BodyDecoder;
import dev.yardstick.provider.http.SseFrames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one streamed OpenAI-compatible chat completion from its bytes and drives a langchain4j handler: content
 * deltas to {@code onPartialResponse}, {@code reasoning_content} / {@code reasoning} deltas to
 * {@code onPartialThinking}, and at the end one {@link ChatResponse} with the text, the finish reason, the id, the
 * model and the usage (cached prompt tokens and reasoning tokens included). Each chunk is read once with Jackson's
 * token-level parser, and only the fields Yardstick uses are kept: what langchain4j's model did with a databind of
 * every chunk into a tree of objects, and the completion rule with a second parse, costs several times more CPU per
 * chunk (bench/README.md). A chunk that begins byte for byte as the last one did is read from its first field read
 * in every chunk on, its leading fields (the stream's metadata again) not tokenized at all ({@link ChunkPrefix}).
 *
 * <p>The completion rule is the protocol's (README, "What the numbers mean"): a choice with a {@code finish_reason},
 * or {@code data: [DONE]} after at least one choice; an error event, an {@code error} object or data that is not a
 * JSON object ends the stream at once as malformed, before the handler hears of that event; a body with no event or
 * with only metadata is not an answer. One instance per request, used on the reading thread.
 */
final class OpenAiStreamDecoder implements BodyDecoder, SseFrames.Sink, StreamingHandle {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiStreamDecoder.class);

    private static final EventJson JSON = new EventJson();
    /** The fields of a chunk that are read; the rest (ids of the request, logprobs and the like) are skipped. */
    private enum Chunk {
        ID(true), CREATED(true), MODEL(true), SERVICE_TIER(true), SYSTEM_FINGERPRINT(true), CHOICES(false),
        USAGE(false), ERROR(false), TYPE(false), OTHER(true);

        /** Read from the first chunk that has it or skipped: met again with the same value, it changes nothing. */
        final boolean sameWhenRepeated;

        Chunk(boolean sameWhenRepeated) {
            this.sameWhenRepeated = sameWhenRepeated;
        }
    }

    private enum Choice { DELTA, FINISH_REASON, OTHER }

    private enum Delta { CONTENT, REASONING, OTHER }

    // Each kind of object's fields in the order OpenAI sends them; every stream then learns its server's own.
    private static final FieldOrder.Names<Chunk> CHUNK_FIELDS = new FieldOrder.Names<>(Map.of("id", Chunk.ID,
            "created", Chunk.CREATED, "model", Chunk.MODEL, "service_tier", Chunk.SERVICE_TIER,
            "system_fingerprint", Chunk.SYSTEM_FINGERPRINT, "choices", Chunk.CHOICES, "usage", Chunk.USAGE,
            "error", Chunk.ERROR, "type", Chunk.TYPE), Chunk.OTHER,
            "id", "object", "created", "model", "system_fingerprint", "choices", "usage");
    private static final FieldOrder.Names<Choice> CHOICE_FIELDS = new FieldOrder.Names<>(Map.of("delta", Choice.DELTA,
            "finish_reason", Choice.FINISH_REASON), Choice.OTHER, "index", "delta", "logprobs", "finish_reason");
    private static final FieldOrder.Names<Delta> DELTA_FIELDS = new FieldOrder.Names<>(Map.of("content", Delta.CONTENT,
            "reasoning_content", Delta.REASONING, "reasoning", Delta.REASONING), Delta.OTHER, "content");
    private static final int SHOWN = 120;

    private final StreamingChatResponseHandler handler;
    private final boolean returnThinking;
    private final FieldOrder<Chunk> chunkFields = new FieldOrder<>(CHUNK_FIELDS);
    private final FieldOrder<Choice> choiceFields = new FieldOrder<>(CHOICE_FIELDS);
    private final FieldOrder<Delta> deltaFields = new FieldOrder<>(DELTA_FIELDS);
    private final boolean skipPrefixes;
    /** The last chunk's leading fields while the body is read; null when every chunk is read whole. */
    private ChunkPrefix prefix;
    /** Chunks read from their first field read in every chunk on, their leading fields skipped: for the tests. */
    private int prefixesSkipped;
    /** The JSON parsers' buffers and the SSE read buffer while the body is read: one set per stream, from a pool. */
    private BufferRecycler buffers;
    /** The stream's one JSON parser, while the body is read. */
    private EventParser parser;
    private final StringBuilder text = new StringBuilder();
    /** The reasoning text, kept only when it is returned; made at the first reasoning delta. */
    private StringBuilder thinking;
    private volatile Runnable cancel;
    private volatile boolean cancelled;
    private PartialResponseContext responseContext;
    private PartialThinkingContext thinkingContext;

    private int events;
    private boolean choices;
    private boolean done;
    private boolean complete;
    private String id;
    private String model;
    private Long created;
    private String serviceTier;
    private String systemFingerprint;
    private String finishReason;
    private Usage usage;

    // One chunk's deltas, handed to the handler once the whole chunk has been read and found sound.
    private String content;
    private String reasoning;
    private boolean chunkFinished;

    OpenAiStreamDecoder(StreamingChatResponseHandler handler, boolean returnThinking) {
        this(handler, returnThinking, true);
    }

    /**
     * @param skipPrefixes whether a chunk that begins as the last one did is read from its first field read in every
     *     chunk on (the tests compare both ways)
     */
    OpenAiStreamDecoder(StreamingChatResponseHandler handler, boolean returnThinking, boolean skipPrefixes) {
        this.handler = handler;
        this.returnThinking = returnThinking;
        this.skipPrefixes = skipPrefixes;
    }

    @Override
    public void opened(Runnable cancel) {
        this.cancel = cancel;
    }

    /** The frames hold the limits in their own pass over the bytes. */
    @Override
    public boolean boundsLines() {
        return true;
    }

    @Override
    public String read(InputStream body) throws IOException {
        byte[] readBuffer = openStream();
        try {
            String wrong = SseFrames.withLimits(readBuffer).read(body, this);
            return wrong != null ? wrong : atEnd();
        } finally {
            closeStream(readBuffer);
        }
    }

    /**
     * The push mode: the transport's event loop hands the body over as it arrives, framed here with the same limits
     * and read with the same rules as {@link #read}, on the loop's thread.
     */
    @Override
    public Push push() {
        byte[] readBuffer = openStream();
        SseFrames frames = SseFrames.withLimits(readBuffer);
        return new Push() {
            @Override
            public String accept(byte[] bytes, int offset, int length) throws IOException {
                return frames.feed(bytes, offset, length, OpenAiStreamDecoder.this);
            }

            @Override
            public String end() throws IOException {
                String wrong = frames.end(OpenAiStreamDecoder.this);
                return wrong != null ? wrong : atEnd();
            }

            @Override
            public void close() {
                closeStream(readBuffer);
            }
        };
    }

    /** Takes the stream's buffers and its one JSON parser (pull or push alike); @return the SSE read buffer */
    private byte[] openStream() {
        buffers = JSON.buffers();
        parser = new EventParser(JSON, buffers);
        prefix = skipPrefixes ? new ChunkPrefix(buffers) : null;
        return buffers.allocByteBuffer(BufferRecycler.BYTE_READ_IO_BUFFER);
    }

    private void closeStream(byte[] readBuffer) {
        parser.close();
        parser = null;
        if (prefix != null) {
            prefix.close();
            prefix = null;
        }
        buffers.releaseByteBuffer(BufferRecycler.BYTE_READ_IO_BUFFER, readBuffer);
        buffers.releaseToPool();
        buffers = null;
    }

    @Override
    public String onEvent(String event, byte[] data, int offset, int length) throws IOException {
        if ("error".equals(event)) {
            return "an error event in the stream: " + cut(data, offset, length);
        }
        if (length == 6 && data[offset] == '[' && "[DONE]".equals(ascii(data, offset, length))) {
            done = true;
            return null;
        }
        content = null;
        reasoning = null;
        chunkFinished = false;
        // A chunk that begins as the last one did is read from its first field read in every chunk on (ChunkPrefix).
        int rest = prefix == null ? -1 : prefix.restOf(data, offset, length);
        JsonParser json = rest < 0 ? parser.next(data, offset, length) : parser.nextFrom(data, rest, offset + length);
        boolean learning = rest < 0 && prefix != null;
        boolean clean = false;
        try {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return "an event that is not a JSON object: " + cut(data, offset, length);
            }
            FieldOrder<Chunk> fields = chunkFields.start(rest < 0 ? 0 : prefix.position());
            Chunk field;
            while ((field = fields.next(json)) != null) {
                if (learning && !field.sameWhenRepeated) {
                    learning = false;
                    prefix.boundary(fields.position(), parser, json);
                }
                JsonToken value = json.nextToken();
                switch (field) {
                    case CHOICES -> readChoices(json);
                    case USAGE -> usage = value == JsonToken.START_OBJECT ? Usage.read(json) : usage;
                    // The stream's metadata is the same in every chunk: the first one's is kept, the rest skipped.
                    case ID -> id = id == null ? json.getValueAsString() : id;
                    case MODEL -> model = model == null ? json.getValueAsString() : model;
                    case CREATED -> created = created == null && value == JsonToken.VALUE_NUMBER_INT
                            ? Long.valueOf(json.getLongValue()) : created;
                    case SERVICE_TIER -> serviceTier = serviceTier == null ? json.getValueAsString() : serviceTier;
                    case SYSTEM_FINGERPRINT -> systemFingerprint = systemFingerprint == null
                            ? json.getValueAsString() : systemFingerprint;
                    case ERROR -> {
                        if (value != JsonToken.VALUE_NULL) {
                            return "an error object in the stream: " + cut(data, offset, length);
                        }
                    }
                    case TYPE -> {
                        if ("error".equals(json.getValueAsString())) {
                            return "an error object in the stream: " + cut(data, offset, length);
                        }
                    }
                    case OTHER -> {
                        // ids of the request, logprobs and the like: not part of what is measured
                    }
                }
                json.skipChildren(); // a value read above is already behind the parser; an unread one is skipped
            }
            clean = parser.restIsBlank();
            if (!clean) {
                return "an event that is not JSON: " + cut(data, offset, length);
            }
        } catch (IOException e) {
            return "an event that is not JSON: " + cut(data, offset, length);
        } finally {
            if (!clean) {
                parser.drop();
            }
        }
        if (rest >= 0) {
            prefixesSkipped++;
        } else if (prefix != null) {
            prefix.learn(data, offset, offset + length);
        }
        events++;
        complete |= chunkFinished;
        deliver();
        return null;
    }

    int prefixesSkipped() {
        return prefixesSkipped;
    }

    /** Every choice counts for the completion rule; the deltas are the first choice's, as langchain4j reads them. */
    private void readChoices(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.START_ARRAY) {
            json.skipChildren();
            return;
        }
        boolean first = true;
        while (json.nextToken() == JsonToken.START_OBJECT) {
            choices = true;
            FieldOrder<Choice> fields = choiceFields.start();
            Choice field;
            while ((field = fields.next(json)) != null) {
                JsonToken value = json.nextToken();
                if (field == Choice.DELTA && value == JsonToken.START_OBJECT && first) {
                    readDelta(json);
                } else if (field == Choice.FINISH_REASON && value == JsonToken.VALUE_STRING) {
                    String reason = json.getText();
                    if (!reason.isEmpty()) {
                        chunkFinished = true;
                        finishReason = first || finishReason == null ? reason : finishReason;
                    }
                } else {
                    json.skipChildren();
                }
            }
            first = false;
        }
    }

    private void readDelta(JsonParser json) throws IOException {
        FieldOrder<Delta> fields = deltaFields.start();
        Delta field;
        while ((field = fields.next(json)) != null) {
            JsonToken value = json.nextToken();
            if (value == JsonToken.VALUE_STRING && field != Delta.OTHER) {
                String text = json.getText();
                if (field == Delta.CONTENT) {
                    content = text;
                } else {
                    reasoning = text;
                }
            } else {
                json.skipChildren(); // role, refusal, tool calls and the rest: not part of what is measured
            }
        }
    }

    private void deliver() {
        if (reasoning != null && !reasoning.isEmpty() && returnThinking) {
            if (thinking == null) {
                thinking = new StringBuilder();
                thinkingContext = new PartialThinkingContext(this);
            }
            thinking.append(reasoning);
            PartialThinking partial = new PartialThinking(reasoning);
            tell(() -> handler.onPartialThinking(partial, thinkingContext));
        }
        if (content != null && !content.isEmpty()) {
            text.append(content);
            if (responseContext == null) {
                responseContext = new PartialResponseContext(this);
            }
            PartialResponse partial = new PartialResponse(content);
            tell(() -> handler.onPartialResponse(partial, responseContext));
        }
    }

    /** @return null when what arrived was a complete answer, else what it lacked */
    private String atEnd() {
        if (complete) {
            return null;
        }
        if (events == 0 && !done) {
            return "no SSE event in the response (not a stream of this protocol)";
        }
        if (!choices) {
            return "no choice in the stream, only metadata such as usage (a content-free answer)";
        }
        return done ? null : "the stream ended without a finish_reason or data: [DONE]";
    }

    @Override
    public void completed() {
        AiMessage message = AiMessage.builder()
                .text(text.isEmpty() ? null : text.toString())
                .thinking(thinking == null ? null : thinking.toString())
                .build();
        OpenAiChatResponseMetadata metadata = OpenAiChatResponseMetadata.builder()
                .id(id).modelName(model).created(created).serviceTier(serviceTier)
                .systemFingerprint(systemFingerprint)
                .tokenUsage(usage == null ? null : usage.toTokenUsage())
                .finishReason(finishReason(finishReason))
                .build();
        ChatResponse response = ChatResponse.builder().aiMessage(message).metadata(metadata).build();
        tell(() -> handler.onCompleteResponse(response));
    }

    @Override
    public void failed(RuntimeException failure) {
        // The same mapping langchain4j's models apply: 429 becomes RateLimitException, 5xx InternalServerException.
        RuntimeException mapped = ExceptionMapper.DEFAULT.mapException(failure);
        tell(() -> handler.onError(mapped));
    }

    @Override
    public void cancel() {
        cancelled = true;
        Runnable stop = cancel;
        if (stop != null) {
            stop.run();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** langchain4j's mapping of OpenAI's reasons, the one its OpenAI model applies. */
    static FinishReason finishReason(String reason) {
        return OpenAiUtils.finishReasonFrom(reason);
    }

    /** Like langchain4j's models: a handler that throws must not stop the stream from being read to its end. */
    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A streaming handler threw; ignored so the stream can finish", e);
        }
    }

    private static String ascii(byte[] data, int offset, int length) {
        return new String(data, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static String cut(byte[] data, int offset, int length) {
        String oneLine = new String(data, offset, length, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return oneLine.length() <= SHOWN ? oneLine : oneLine.substring(0, SHOWN) + "…";
    }

    /** The usage object's counts, read where OpenAI puts them. */
    private record Usage(Integer prompt, Integer completion, Integer total, Integer cached, Integer reasoning) {

        static Usage read(JsonParser json) throws IOException {
            Integer prompt = null;
            Integer completion = null;
            Integer total = null;
            Integer cached = null;
            Integer reasoning = null;
            String name;
            while ((name = json.nextFieldName()) != null) {
                JsonToken value = json.nextToken();
                switch (name) {
                    case "prompt_tokens" -> prompt = intValue(json, value);
                    case "completion_tokens" -> completion = intValue(json, value);
                    case "total_tokens" -> total = intValue(json, value);
                    case "prompt_tokens_details" -> cached = detail(json, value, "cached_tokens");
                    case "completion_tokens_details" -> reasoning = detail(json, value, "reasoning_tokens");
                    default -> json.skipChildren();
                }
            }
            return new Usage(prompt, completion, total, cached, reasoning);
        }

        private static Integer intValue(JsonParser json, JsonToken value) throws IOException {
            return value == JsonToken.VALUE_NUMBER_INT ? json.getIntValue() : null;
        }

        private static Integer detail(JsonParser json, JsonToken value, String field) throws IOException {
            if (value != JsonToken.START_OBJECT) {
                json.skipChildren();
                return null;
            }
            Integer found = null;
            String name;
            while ((name = json.nextFieldName()) != null) {
                JsonToken inner = json.nextToken();
                if (name.equals(field)) {
                    found = intValue(json, inner);
                } else {
                    json.skipChildren();
                }
            }
            return found;
        }

        OpenAiTokenUsage toTokenUsage() {
            OpenAiTokenUsage.Builder builder = OpenAiTokenUsage.builder()
                    .inputTokenCount(prompt).outputTokenCount(completion).totalTokenCount(total);
            if (cached != null) {
                builder.inputTokensDetails(OpenAiTokenUsage.InputTokensDetails.builder().cachedTokens(cached).build());
            }
            if (reasoning != null) {
                builder.outputTokensDetails(
                        OpenAiTokenUsage.OutputTokensDetails.builder().reasoningTokens(reasoning).build());
            }
            return builder.build();
        }
    }
}
