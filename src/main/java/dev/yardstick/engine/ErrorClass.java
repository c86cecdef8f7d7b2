package dev.yardstick.engine;

/** Why a request failed, in the classes the guide's error-rate breakdown uses. */
public enum ErrorClass {
    /** HTTP 429: rate limited (reported apart from other 4xx). */
    RATE_LIMITED,
    /** Any other HTTP 4xx. */
    HTTP_4XX,
    /** HTTP 5xx. */
    HTTP_5XX,
    /** No answer, or no complete answer, within the request timeout. */
    TIMEOUT,
    /** The connection could not be made or was reset. */
    CONNECTION,
    /** The stream broke off or could not be parsed. */
    MALFORMED_STREAM,
    /** Cancelled by the user (Ctrl-C) or by the end of the run. */
    CANCELLED,
    /** Anything else (a provider library's own error). */
    OTHER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
