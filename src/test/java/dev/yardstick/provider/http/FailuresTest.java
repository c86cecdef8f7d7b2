package dev.yardstick.provider.http;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import dev.yardstick.config.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one vocabulary of failures below the status line, and the messages of a response that was not an answer. */
class FailuresTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aStatusIsPassedThroughEvenWithTheInterruptFlagSet() {
        HttpStatusException status = HttpStatusException.of(400, Map.of(), "bad", Instant.EPOCH);
        Thread.currentThread().interrupt();
        assertSame(status, Failures.map(status), "the status arrived: it is the news, not the interrupt");
    }

    @Test
    void anInterruptIsACancellationAndLeavesTheFlagSet() {
        InterruptedException interrupted = new InterruptedException();
        RuntimeException mapped = Failures.map(interrupted);
        assertInstanceOf(CancellationException.class, mapped);
        assertSame(interrupted, mapped.getCause());
        assertTrue(Thread.currentThread().isInterrupted(), "the caller must still see the interrupt");
    }

    @Test
    void anInterruptedReadIsACancellationButASocketTimeoutIsATimeout() {
        InterruptedIOException aborted = new InterruptedIOException("aborted");
        RuntimeException cancelled = Failures.map(new UncheckedIOException(aborted));
        assertInstanceOf(CancellationException.class, cancelled);
        assertSame(aborted, cancelled.getCause());
        assertFalse(Thread.currentThread().isInterrupted(), "no interrupt was made up");

        SocketTimeoutException silent = new SocketTimeoutException("read timed out");
        RuntimeException timeout = Failures.map(silent);
        assertInstanceOf(TimeoutException.class, timeout);
        assertSame(silent, timeout.getCause());
        assertInstanceOf(TimeoutException.class, Failures.map(new HttpTimeoutException("slow")));
    }

    @Test
    void aSetInterruptFlagMakesAnyFailureACancellation() {
        Thread.currentThread().interrupt();
        assertInstanceOf(CancellationException.class, Failures.map(new IOException("reset")));
        assertTrue(Thread.currentThread().isInterrupted());
    }

    @Test
    void otherFailuresKeepTheirMeaning() {
        IOException reset = new IOException("reset");
        UncheckedIOException io = assertInstanceOf(UncheckedIOException.class, Failures.map(reset));
        assertSame(reset, io.getCause());
        IllegalStateException runtime = new IllegalStateException("x");
        assertSame(runtime, Failures.map(runtime));
        Exception checked = new Exception("odd");
        LangChain4jException wrapped = assertInstanceOf(LangChain4jException.class, Failures.map(checked));
        assertSame(checked, wrapped.getCause());
    }

    @Test
    void aMalformedStreamShowsTheStartOfWhatArrivedCutAndEscaped() {
        assertEquals("no end; the response body was empty", new MalformedStreamException("no end", "").getMessage());
        assertEquals("no end; the response body was empty", new MalformedStreamException("no end", null).getMessage());
        assertEquals("bad; the response began: \"a\\r\\nb\"", new MalformedStreamException("bad", "a\r\nb").getMessage());

        String exact = "x".repeat(MalformedStreamException.HEAD_CHARS);
        assertEquals("bad; the response began: \"" + exact + "\"", new MalformedStreamException("bad", exact).getMessage());
        assertEquals("bad; the response began: \"" + exact + "…\"",
                new MalformedStreamException("bad", exact + "yz").getMessage());

        IOException cause = new IOException("reset");
        assertSame(cause, new MalformedStreamException("bad", "a", cause).getCause());
    }

    @Test
    void aMalformedStreamsHeadIsRedacted() {
        String secret = "sk-Qm4xT9vB2" + "q".repeat(30);
        Secrets.remember(secret);
        String message = new MalformedStreamException("bad", "{\"echo\":\"" + secret + "\"}").getMessage();
        assertFalse(message.contains("qqqqqqqq"), message);
        assertTrue(message.contains("{\"echo\":\""), message);
    }

    @Test
    void limitsAreDescribedInTheirUnit() {
        assertEquals("1 MiB", StreamLimits.describe(StreamLimits.MAX_LINE_BYTES));
        assertEquals("8 MiB", StreamLimits.describe(StreamLimits.MAX_BODY_BYTES));
        assertEquals("64 KiB", StreamLimits.describe(StreamLimits.MAX_ERROR_BODY_BYTES));
    }
}
