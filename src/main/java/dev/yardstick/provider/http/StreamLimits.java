package dev.yardstick.provider.http;

/**
 * How much of a response the client will hold, so that a broken or hostile server cannot make it grow without
 * bound (a 64 MB SSE line once took 1.2 GB with two requests in flight). Past a limit the request fails as a
 * malformed stream, and the rest of the body is not read. Documented in README ("What the numbers mean").
 */
final class StreamLimits {

    /** One line of an SSE or NDJSON stream. A streamed chunk is a few hundred bytes; a whole answer rarely 1 MiB. */
    static final long MAX_LINE_BYTES = 1 << 20;
    /** One SSE event (all its lines until the blank line that ends it). */
    static final long MAX_EVENT_BYTES = 1 << 20;
    /** A non-streamed 2xx body. */
    static final int MAX_BODY_BYTES = 8 << 20;
    /** What is read of an error body: enough for any provider's JSON error, bounded for HTML pages. */
    static final int MAX_ERROR_BODY_BYTES = 64 << 10;

    private StreamLimits() {
    }

    /**
     * @param line  bytes of one line, CR and LF not counted
     * @param event bytes of the SSE event the line is part of
     * @return why a stream with this line and event fails, the line's limit named first; null within the limits
     */
    static String passed(long line, long event, boolean sse) {
        if (line > MAX_LINE_BYTES) {
            return "a line longer than " + describe(MAX_LINE_BYTES) + " (the client's limit)";
        }
        if (sse && event > MAX_EVENT_BYTES) {
            return "an SSE event longer than " + describe(MAX_EVENT_BYTES) + " (the client's limit)";
        }
        return null;
    }

    static String describe(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }
}
