package dev.yardstick.engine;

/**
 * Why a request failed, naming the culprit (README, "What the numbers mean"). Every class but {@link #CLIENT} and
 * {@link #CANCELLED} is charged to the server in error rates and goodput.
 */
public enum ErrorClass {
    /** HTTP 429: rate limited (reported apart from other 4xx). */
    RATE_LIMITED,
    /** Any other HTTP 4xx. */
    HTTP_4XX,
    /** HTTP 5xx. */
    HTTP_5XX,
    /** No answer, or no complete answer, in time: connect, first byte, silence between chunks, or the total. */
    TIMEOUT,
    /** Nothing of a response arrived: refused, reset or closed before the status line, unknown host. */
    CONNECTION,
    /**
     * A 2xx that was not a complete answer: a body that broke off, bad SSE or JSON, an error event, no terminal
     * event, no content at all, or a line or event past the client's limits.
     */
    MALFORMED_STREAM,
    /** Our own limits, not the server's: out of file descriptors or memory. Stops the run. */
    CLIENT,
    /** Cancelled by the user (Ctrl-C) or by the end of the run. */
    CANCELLED,
    /** Anything else (a provider library's own error). */
    OTHER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether a failure of this class says something about the server (client limits and cancellations do not). */
    public boolean chargedToServer() {
        return this != CLIENT && this != CANCELLED;
    }
}
