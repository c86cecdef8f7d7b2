package dev.yardstick.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RateLimitException;
import dev.yardstick.provider.SyntheticHttpFailure;
import dev.yardstick.provider.http.MalformedStreamException;
import dev.yardstick.provider.http.NoResponseException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** The class of a failure is read from its whole cause chain, whatever wraps it. */
class ErrorClassifierTest {

    private static ErrorClass classOf(Throwable failure) {
        return ErrorClassifier.classify(failure).errorClass();
    }

    @Test
    void aRefusedConnectionIsAConnectionErrorHoweverDeeplyWrapped() {
        Throwable refused = new LangChain4jException("failed",
                new UncheckedIOException(new ConnectException("Connection refused")));
        assertEquals(ErrorClass.CONNECTION, classOf(refused));
        assertEquals(ErrorClass.CONNECTION, classOf(new UncheckedIOException(
                new NoResponseException(new SocketException("Connection reset")))));
    }

    @Test
    void aBodyThatBrokeOffOrWasNotAnAnswerIsAMalformedStream() {
        assertEquals(ErrorClass.MALFORMED_STREAM, classOf(new UncheckedIOException(
                new EOFException("connection closed before the response ended"))));
        assertEquals(ErrorClass.MALFORMED_STREAM, classOf(new LangChain4jException("x",
                new MalformedStreamException("the stream ended without message_stop", "event: ping"))));
        assertEquals(ErrorClass.MALFORMED_STREAM, classOf(new SocketException("Connection reset")));
    }

    @Test
    void aMalformedStreamsMessageShowsWhatArrivedEvenWithADeeperCause() {
        SampleError error = ErrorClassifier.classify(new UncheckedIOException(new MalformedStreamException(
                "the response broke off (SocketException: Connection reset)", "data: {\"choices\"",
                new SocketException("Connection reset"))));
        assertEquals(ErrorClass.MALFORMED_STREAM, error.errorClass());
        assertTrue(error.message().startsWith("the response broke off (SocketException: Connection reset); the"
                + " response began: \"data: {\"choices\"\""), error.message());
    }

    @Test
    void everyKindOfTimeoutIsATimeout() {
        assertEquals(ErrorClass.TIMEOUT, classOf(new HttpConnectTimeoutException("connect timed out")));
        assertEquals(ErrorClass.TIMEOUT, classOf(new dev.langchain4j.exception.TimeoutException(
                new SocketTimeoutException("Read timed out"))));
        assertEquals(ErrorClass.TIMEOUT, classOf(new java.util.concurrent.TimeoutException("no answer")));
    }

    @Test
    void theStatusWinsOverTheWrapperAndKeepsItsRetryAfter() {
        SampleError limited = ErrorClassifier.classify(new RateLimitException(
                new SyntheticHttpFailure(429, Duration.ofSeconds(3), "slow down")));
        assertEquals(ErrorClass.RATE_LIMITED, limited.errorClass());
        assertEquals(3000L, limited.retryAfterMillis());
        assertEquals(ErrorClass.HTTP_4XX, classOf(new SyntheticHttpFailure(400, null, "bad request")));
        assertEquals(ErrorClass.HTTP_5XX, classOf(new SyntheticHttpFailure(529, null, "overloaded")));
    }

    @Test
    void ourOwnLimitsAreTheClientsAndNeverChargedToTheServer() {
        Throwable fds = new UncheckedIOException(new NoResponseException(new SocketException("Too many open files")));
        assertEquals(ErrorClass.CLIENT, classOf(fds));
        assertEquals(ErrorClass.CLIENT, classOf(new OutOfMemoryError("Java heap space")));
        assertFalse(ErrorClass.CLIENT.chargedToServer());
        assertFalse(ErrorClass.CANCELLED.chargedToServer());
        assertTrue(ErrorClass.CONNECTION.chargedToServer());
    }

    @Test
    void aCancellationIsNotABrokenStream() {
        CancellationException cancelled = new CancellationException("request interrupted");
        cancelled.initCause(new IOException("Socket closed"));
        assertEquals(ErrorClass.CANCELLED, classOf(cancelled));
    }
}
