package dev.yardstick.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the loopback server answers one chat request. Immutable: start from {@link #DEFAULT} and use the withers, or
 * {@link #builder()} / {@link #toBuilder()} to set several fields at once.
 *
 * <p>Timing is measured from the moment the request body has been read. Content chunk {@code j} (0-based) is due at
 * {@code stall + ttft + j * itl}; everything before the first content chunk (headers, a role-only delta, Anthropic's
 * message_start and ping) is sent at once after the stall, so a client that starts TTFT on them is visibly wrong.
 *
 * @param ttft                 delay from request to the first content chunk
 * @param itl                  gap between consecutive content chunks (a chunk may carry several tokens)
 * @param outputTokens         number of tokens generated (ignored when {@code reply} is set)
 * @param tokensPerChunk       tokens per content chunk
 * @param reply                fixed reply text, split into word tokens (each keeps its leading space); null for
 *                             the synthetic {@code "tok1 tok2 ..."}
 * @param usage                when usage is reported
 * @param reportedInputTokens  input tokens reported; {@link #DERIVED} = the number of whitespace-separated words in
 *                             the request's messages
 * @param reportedOutputTokens output tokens reported; {@link #DERIVED} = the number of tokens actually sent
 * @param cachedInputTokens    cached input tokens reported (OpenAI prompt_tokens_details.cached_tokens, Anthropic
 *                             cache_read_input_tokens, Gemini cachedContentTokenCount)
 * @param finishReason         why generation ended; a request's max-tokens limit below the output turns it into
 *                             {@link FinishReason#LENGTH}
 * @param failStatus           0 to answer normally, otherwise the HTTP status to fail with (429, 500, 503, ...) and
 *                             a provider-shaped error body
 * @param retryAfter           with a failure: the {@code Retry-After} header (whole seconds, rounded up); null for none
 * @param stallEvery           every n-th request (request index % n == 0) sleeps {@code stall} before its first byte;
 *                             0 never stalls
 * @param stall                the stall duration
 * @param hang                 never answer: keep the connection open, silent, until the server closes
 * @param breakAfterChunks     {@link #NEVER} to finish normally, otherwise send that many content chunks and then drop
 *                             the connection without the stream's terminator
 * @param keepAlive            send keep-alive frames ({@code : ping} comments, Anthropic's ping event) before
 *                             every content chunk; Ollama's NDJSON has none
 * @param trailerDelay         extra delay between the last content chunk and the closing events (finish, usage, done)
 */
public record Behavior(
        Duration ttft,
        Duration itl,
        int outputTokens,
        int tokensPerChunk,
        String reply,
        UsageMode usage,
        int reportedInputTokens,
        int reportedOutputTokens,
        int cachedInputTokens,
        FinishReason finishReason,
        int failStatus,
        Duration retryAfter,
        int stallEvery,
        Duration stall,
        boolean hang,
        int breakAfterChunks,
        boolean keepAlive,
        Duration trailerDelay) {

    /** Marks a reported token count to be derived from the request or the response. */
    public static final int DERIVED = -1;
    /** Marks a stream that is never broken. */
    public static final int NEVER = -1;

    /** Instant answers: 10 tokens, one per chunk, usage when the protocol asks for it. */
    public static final Behavior DEFAULT = new Behavior(Duration.ZERO, Duration.ZERO, 10, 1, null,
            UsageMode.WHEN_REQUESTED, DERIVED, DERIVED, 0, FinishReason.STOP, 0, null, 0, Duration.ZERO, false,
            NEVER, false, Duration.ZERO);

    private static final Pattern WORD_START = Pattern.compile("(?<=\\S)(?=\\s)");

    /** When a usage block is sent. */
    public enum UsageMode {
        /**
         * As the real services do: an OpenAI stream only when {@code stream_options.include_usage} is true; Mistral,
         * Anthropic, Ollama and Gemini streams and every non-streamed answer always.
         */
        WHEN_REQUESTED,
        /** Always, even on an OpenAI stream that did not ask for it (some compatible servers do this). */
        ALWAYS,
        /** Never: the usage fields are left out (Anthropic, Ollama and Gemini get zeros where a field is required). */
        NEVER
    }

    /** Why a generation ended, mapped to each protocol's own word. */
    public enum FinishReason {
        STOP, LENGTH
    }

    public Behavior {
        Objects.requireNonNull(ttft, "ttft");
        Objects.requireNonNull(itl, "itl");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(stall, "stall");
        Objects.requireNonNull(trailerDelay, "trailerDelay");
        requireNonNegative(ttft, "ttft");
        requireNonNegative(itl, "itl");
        requireNonNegative(stall, "stall");
        requireNonNegative(trailerDelay, "trailerDelay");
        if (outputTokens < 0) {
            throw new IllegalArgumentException("outputTokens must be >= 0: " + outputTokens);
        }
        if (tokensPerChunk < 1) {
            throw new IllegalArgumentException("tokensPerChunk must be >= 1: " + tokensPerChunk);
        }
        if (reportedInputTokens < DERIVED || reportedOutputTokens < DERIVED || cachedInputTokens < 0) {
            throw new IllegalArgumentException("reported token counts must be >= 0 (or DERIVED)");
        }
        if (failStatus != 0 && (failStatus < 400 || failStatus > 599)) {
            throw new IllegalArgumentException("failStatus must be 0 or an HTTP error status: " + failStatus);
        }
        if (stallEvery < 0) {
            throw new IllegalArgumentException("stallEvery must be >= 0: " + stallEvery);
        }
        if (breakAfterChunks < NEVER) {
            throw new IllegalArgumentException("breakAfterChunks must be >= 0 (or NEVER): " + breakAfterChunks);
        }
    }

    private static void requireNonNegative(Duration d, String name) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
    }

    public static Builder builder() {
        return DEFAULT.toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public Behavior withTtft(Duration value) {
        return toBuilder().ttft(value).build();
    }

    public Behavior withItl(Duration value) {
        return toBuilder().itl(value).build();
    }

    /** Synthetic output of {@code count} tokens: {@code "tok1"}, {@code " tok2"}, ... (clears a fixed reply). */
    public Behavior withTokens(int count) {
        return toBuilder().outputTokens(count).reply(null).build();
    }

    public Behavior withTokensPerChunk(int value) {
        return toBuilder().tokensPerChunk(value).build();
    }

    /** A fixed reply, streamed word by word (each token is a word with its leading whitespace). */
    public Behavior withReply(String text) {
        return toBuilder().reply(Objects.requireNonNull(text, "text")).build();
    }

    public Behavior withUsage(UsageMode value) {
        return toBuilder().usage(value).build();
    }

    /** Reported usage that differs from what was really received and sent ({@link #DERIVED} restores either). */
    public Behavior withReportedUsage(int inputTokens, int outputTokens) {
        return toBuilder().reportedInputTokens(inputTokens).reportedOutputTokens(outputTokens).build();
    }

    public Behavior withCachedInputTokens(int value) {
        return toBuilder().cachedInputTokens(value).build();
    }

    public Behavior withFinishReason(FinishReason value) {
        return toBuilder().finishReason(value).build();
    }

    /** Fail with this HTTP status and the protocol's error body. */
    public Behavior failing(int status) {
        return toBuilder().failStatus(status).build();
    }

    /** Fail with 429 and a {@code Retry-After} header (seconds, rounded up). */
    public Behavior rateLimited(Duration retryAfterValue) {
        return toBuilder().failStatus(429).retryAfter(Objects.requireNonNull(retryAfterValue, "retryAfter")).build();
    }

    /** Every n-th request (index % n == 0, so the first one too) sleeps {@code duration} before its first byte. */
    public Behavior stallEvery(int n, Duration duration) {
        return toBuilder().stallEvery(n).stall(duration).build();
    }

    /** This request sleeps {@code duration} before its first byte. */
    public Behavior stalling(Duration duration) {
        return stallEvery(1, duration);
    }

    /** Never answer; the connection stays open and silent until the client gives up or the server closes. */
    public Behavior hanging() {
        return toBuilder().hang(true).build();
    }

    /** Send {@code chunks} content chunks, then drop the connection without the stream's terminator. */
    public Behavior brokenAfter(int chunks) {
        return toBuilder().breakAfterChunks(chunks).build();
    }

    public Behavior withKeepAlive(boolean value) {
        return toBuilder().keepAlive(value).build();
    }

    public Behavior withTrailerDelay(Duration value) {
        return toBuilder().trailerDelay(value).build();
    }

    /** The tokens this behaviour generates when nothing caps them. */
    public List<String> tokens() {
        if (reply != null) {
            return reply.isEmpty() ? List.of() : List.of(WORD_START.split(reply));
        }
        List<String> tokens = new ArrayList<>(outputTokens);
        for (int i = 1; i <= outputTokens; i++) {
            tokens.add(i == 1 ? "tok1" : " tok" + i);
        }
        return tokens;
    }

    /** The full text this behaviour streams when nothing caps it. */
    public String text() {
        return String.join("", tokens());
    }

    /** Whether the request with this 0-based index stalls. */
    boolean stallsAt(long requestIndex) {
        return stallEvery > 0 && stall.isPositive() && requestIndex % stallEvery == 0;
    }

    /** Mutable twin of {@link Behavior}; {@link #build()} validates. */
    public static final class Builder {
        private Duration ttft;
        private Duration itl;
        private int outputTokens;
        private int tokensPerChunk;
        private String reply;
        private UsageMode usage;
        private int reportedInputTokens;
        private int reportedOutputTokens;
        private int cachedInputTokens;
        private FinishReason finishReason;
        private int failStatus;
        private Duration retryAfter;
        private int stallEvery;
        private Duration stall;
        private boolean hang;
        private int breakAfterChunks;
        private boolean keepAlive;
        private Duration trailerDelay;

        private Builder(Behavior b) {
            ttft = b.ttft;
            itl = b.itl;
            outputTokens = b.outputTokens;
            tokensPerChunk = b.tokensPerChunk;
            reply = b.reply;
            usage = b.usage;
            reportedInputTokens = b.reportedInputTokens;
            reportedOutputTokens = b.reportedOutputTokens;
            cachedInputTokens = b.cachedInputTokens;
            finishReason = b.finishReason;
            failStatus = b.failStatus;
            retryAfter = b.retryAfter;
            stallEvery = b.stallEvery;
            stall = b.stall;
            hang = b.hang;
            breakAfterChunks = b.breakAfterChunks;
            keepAlive = b.keepAlive;
            trailerDelay = b.trailerDelay;
        }

        public Builder ttft(Duration value) {
            ttft = value;
            return this;
        }

        public Builder itl(Duration value) {
            itl = value;
            return this;
        }

        public Builder outputTokens(int value) {
            outputTokens = value;
            return this;
        }

        public Builder tokensPerChunk(int value) {
            tokensPerChunk = value;
            return this;
        }

        public Builder reply(String value) {
            reply = value;
            return this;
        }

        public Builder usage(UsageMode value) {
            usage = value;
            return this;
        }

        public Builder reportedInputTokens(int value) {
            reportedInputTokens = value;
            return this;
        }

        public Builder reportedOutputTokens(int value) {
            reportedOutputTokens = value;
            return this;
        }

        public Builder cachedInputTokens(int value) {
            cachedInputTokens = value;
            return this;
        }

        public Builder finishReason(FinishReason value) {
            finishReason = value;
            return this;
        }

        public Builder failStatus(int value) {
            failStatus = value;
            return this;
        }

        public Builder retryAfter(Duration value) {
            retryAfter = value;
            return this;
        }

        public Builder stallEvery(int value) {
            stallEvery = value;
            return this;
        }

        public Builder stall(Duration value) {
            stall = value;
            return this;
        }

        public Builder hang(boolean value) {
            hang = value;
            return this;
        }

        public Builder breakAfterChunks(int value) {
            breakAfterChunks = value;
            return this;
        }

        public Builder keepAlive(boolean value) {
            keepAlive = value;
            return this;
        }

        public Builder trailerDelay(Duration value) {
            trailerDelay = value;
            return this;
        }

        public Behavior build() {
            return new Behavior(ttft, itl, outputTokens, tokensPerChunk, reply, usage, reportedInputTokens,
                    reportedOutputTokens, cachedInputTokens, finishReason, failStatus, retryAfter, stallEvery, stall,
                    hang, breakAfterChunks, keepAlive, trailerDelay);
        }
    }
}
