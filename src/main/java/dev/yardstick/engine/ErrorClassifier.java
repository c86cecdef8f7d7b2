package dev.yardstick.engine;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.yardstick.config.Secrets;
import dev.yardstick.provider.HttpFailure;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CancellationException;

/** Turns whatever a provider library threw into the guide's error classes, with a one-line, secret-free message. */
public final class ErrorClassifier {

    private static final int MAX_MESSAGE = 300;

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
            if (errorClass == null) {
                errorClass = direct(t);
            }
        }
        if (status != null) {
            errorClass = status == 429 ? ErrorClass.RATE_LIMITED
                    : status >= 500 ? ErrorClass.HTTP_5XX
                    : status >= 400 ? ErrorClass.HTTP_4XX : errorClass;
        }
        return new SampleError(errorClass == null ? ErrorClass.OTHER : errorClass, status, message(failure), retryAfter);
    }

    private static ErrorClass direct(Throwable t) {
        if (t instanceof RateLimitException) {
            return ErrorClass.RATE_LIMITED;
        }
        if (t instanceof InternalServerException) {
            return ErrorClass.HTTP_5XX;
        }
        if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException
                && !(t instanceof HttpConnectTimeoutException) || t instanceof SocketTimeoutException
                || t instanceof java.util.concurrent.TimeoutException) {
            return ErrorClass.TIMEOUT;
        }
        if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
            return ErrorClass.CONNECTION;
        }
        if (t instanceof CancellationException || t instanceof InterruptedException) {
            return ErrorClass.CANCELLED;
        }
        if (t instanceof EOFException || t instanceof ClosedChannelException
                || t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return ErrorClass.MALFORMED_STREAM;
        }
        if (t instanceof IOException || t instanceof UncheckedIOException) {
            // A reset or a close in the middle of a body: the stream broke rather than never connecting.
            return ErrorClass.MALFORMED_STREAM;
        }
        return null;
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
        }
        if (text == null) {
            text = root.getClass().getSimpleName();
        }
        String oneLine = Secrets.redact(text).replaceAll("\\s+", " ").trim();
        return oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE) + "…" : oneLine;
    }
}
