package dev.yardstick.engine;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.yardstick.config.Secrets;
import dev.yardstick.provider.HttpFailure;
import dev.yardstick.provider.http.MalformedStreamException;
import dev.yardstick.provider.http.NoResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * Turns whatever a provider library threw into the guide's error classes, with a one-line, secret-free message.
 *
 * <p>The whole cause chain is read and the most telling class wins, whatever its depth: libraries wrap a refused
 * connection in an {@link UncheckedIOException}, and the wrapper must not make it a broken stream. In order: our own
 * limits, an HTTP status, a cancellation, a timeout, a connection that gave no response, a broken stream.
 */
public final class ErrorClassifier {

    private static final int MAX_MESSAGE = 400;

    private ErrorClassifier() {
    }

    public static SampleError classify(Throwable failure) {
        Integer status = null;
        Long retryAfter = null;
        ErrorClass errorClass = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpFailure http) {
                status = http.statusCode();
                retryAfter = http.retryAfter().map(java.time.Duration::toMillis).orElse(null);
            } else if (t instanceof HttpException http && status == null) {
                status = http.statusCode();
            }
            errorClass = mostTelling(errorClass, direct(t));
        }
        if (status != null && errorClass != ErrorClass.CLIENT) {
            errorClass = status == 429 ? ErrorClass.RATE_LIMITED
                    : status >= 500 ? ErrorClass.HTTP_5XX
                    : status >= 400 ? ErrorClass.HTTP_4XX : errorClass;
        }
        return new SampleError(errorClass == null ? ErrorClass.OTHER : errorClass, status, message(failure), retryAfter);
    }

    /** Of two classes found in one chain, the one that names the culprit more exactly. */
    private static ErrorClass mostTelling(ErrorClass a, ErrorClass b) {
        if (a == null) {
            return b;
        }
        return b == null || rank(a) <= rank(b) ? a : b;
    }

    private static int rank(ErrorClass c) {
        return switch (c) {
            case CLIENT -> 0;
            case RATE_LIMITED, HTTP_4XX, HTTP_5XX -> 1;
            case CANCELLED -> 2;
            case TIMEOUT -> 3;
            case CONNECTION -> 4;
            case MALFORMED_STREAM -> 5;
            case OTHER -> 6;
        };
    }

    private static ErrorClass direct(Throwable t) {
        if (isClientLimit(t)) {
            return ErrorClass.CLIENT;
        }
        if (t instanceof RateLimitException) {
            return ErrorClass.RATE_LIMITED;
        }
        if (t instanceof InternalServerException) {
            return ErrorClass.HTTP_5XX;
        }
        if (t instanceof CancellationException || t instanceof InterruptedException) {
            return ErrorClass.CANCELLED;
        }
        // A connect timeout is a timeout too: the server did not answer in time.
        if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException
                || t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
            return ErrorClass.TIMEOUT;
        }
        if (t instanceof NoResponseException || t instanceof ConnectException || t instanceof UnknownHostException
                || t instanceof NoRouteToHostException) {
            return ErrorClass.CONNECTION;
        }
        if (t instanceof IOException || t instanceof UncheckedIOException
                || t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            // A reset or a close in the middle of a body, bad data, no terminal event: the answer broke.
            return ErrorClass.MALFORMED_STREAM;
        }
        return null;
    }

    /**
     * Out of memory, or out of file descriptors (EMFILE for the process, ENFILE for the system), which the JDK
     * reports only in the message of an IOException.
     */
    static boolean isClientLimit(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return true;
        }
        String message = t.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("too many open files");
    }

    /** The most telling message in the chain, on one line, scrubbed of secrets and cut to a readable length. */
    static String message(Throwable failure) {
        Throwable root = failure;
        String text = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                text = t.getMessage();
            }
            if (t instanceof MalformedStreamException) {
                break; // it says what was wrong, its cause included, and shows what arrived: nothing deeper tells more
            }
        }
        if (text == null) {
            text = root.getClass().getSimpleName();
        }
        String oneLine = Secrets.redact(text).replaceAll("\\s+", " ").trim();
        return oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE) + "…" : oneLine;
    }
}
