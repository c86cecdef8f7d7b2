package dev.yardstick.provider.http;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;

/**
 * One vocabulary for what went wrong below the status line, the same for {@code execute} and for streams:
 * a timeout is langchain4j's {@link TimeoutException} (as its JDK client reports it), an interrupt a
 * {@link CancellationException} (the caller gave up: a deadline or Ctrl-C; the engine's error classes count it as
 * cancelled, not as a broken stream), any other I/O failure an {@link UncheckedIOException}. The interrupt flag is
 * left set for the caller to see.
 */
final class Failures {

    private Failures() {
    }

    static RuntimeException map(Throwable failure) {
        Throwable cause = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : failure;
        if (cause instanceof HttpStatusException status) {
            return status;
        }
        if (Thread.currentThread().isInterrupted() || cause instanceof InterruptedException
                || (cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException))) {
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt(); // catching it cleared the flag; the caller must still see it
            }
            CancellationException cancelled = new CancellationException("request interrupted");
            cancelled.initCause(cause);
            return cancelled;
        }
        if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
            return new TimeoutException(cause);
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return cause instanceof RuntimeException runtime ? runtime : new LangChain4jException(cause);
    }
}
