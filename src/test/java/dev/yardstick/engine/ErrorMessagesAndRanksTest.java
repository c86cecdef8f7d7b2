package dev.yardstick.engine;

import com.fasterxml.jackson.core.JsonParseException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.yardstick.config.Secrets;
import dev.yardstick.provider.SyntheticHttpFailure;
import dev.yardstick.provider.http.MalformedStreamException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which class wins when a chain holds several, what a status decides, and the one-line message of a failure. */
class ErrorMessagesAndRanksTest {

    private static ErrorClass classOf(Throwable failure) {
        return ErrorClassifier.classify(failure).errorClass();
    }

    private static <T extends Throwable> T causedBy(T outer, Throwable cause) {
        outer.initCause(cause);
        return outer;
    }

    @Test
    void everyFourHundredStatusIsAnHttp4xxAndEveryFiveHundredAnHttp5xx() {
        for (int status : new int[]{400, 401, 404, 413, 422, 499}) {
            assertEquals(ErrorClass.HTTP_4XX, classOf(new SyntheticHttpFailure(status, null, "no")), "HTTP " + status);
        }
        for (int status : new int[]{500, 502, 503, 529}) {
            assertEquals(ErrorClass.HTTP_5XX, classOf(new SyntheticHttpFailure(status, null, "no")), "HTTP " + status);
        }
        assertEquals(ErrorClass.RATE_LIMITED, classOf(new SyntheticHttpFailure(429, null, "slow")));
    }

    @Test
    void aStatusBelowFourHundredLeavesTheClassTheChainGave() {
        SampleError error = ErrorClassifier.classify(causedBy(new IOException("odd"), new SyntheticHttpFailure(399, null, "x")));
        assertEquals(ErrorClass.MALFORMED_STREAM, error.errorClass());
        assertEquals(399, error.httpStatus());
    }

    @Test
    void langchain4jsStatusCountsWhenNoFailureOfOursCarriesOne() {
        SampleError bare = ErrorClassifier.classify(new HttpException(400, "bad request"));
        assertEquals(ErrorClass.HTTP_4XX, bare.errorClass());
        assertEquals(400, bare.httpStatus());
        assertNull(bare.retryAfterMillis());
        // Our failure, deeper in the chain, knows more than langchain4j's wrapper: its status wins.
        SampleError both = ErrorClassifier.classify(causedBy(new HttpException(500, "wrapped"),
                new SyntheticHttpFailure(404, null, "missing")));
        assertEquals(404, both.httpStatus());
        assertEquals(ErrorClass.HTTP_4XX, both.errorClass());
        // ...and a langchain4j status below ours does not replace it.
        SampleError ours = ErrorClassifier.classify(causedBy(new SyntheticHttpFailure(503, null, "busy"),
                new HttpException(400, "inner")));
        assertEquals(503, ours.httpStatus());
    }

    @Test
    void theClientsOwnLimitWinsOverAnyStatus() {
        Throwable chain = causedBy(new SyntheticHttpFailure(500, null, "x"), new OutOfMemoryError("Java heap space"));
        assertEquals(ErrorClass.CLIENT, classOf(chain));
        assertEquals(ErrorClass.CLIENT, classOf(new IOException("TOO MANY OPEN FILES")));
        assertFalse(ErrorClassifier.isClientLimit(new IOException((String) null)));
        assertFalse(ErrorClassifier.isClientLimit(new IOException("open files: fine")));
    }

    @Test
    void theMoreTellingClassWinsWhicheverIsOutermost() {
        // cancelled > timeout > connection > malformed stream, in both nestings
        assertEquals(ErrorClass.CANCELLED, classOf(causedBy(new CancellationException("x"), new SocketTimeoutException())));
        assertEquals(ErrorClass.CANCELLED, classOf(causedBy(new SocketTimeoutException("x"), new CancellationException())));
        assertEquals(ErrorClass.TIMEOUT, classOf(causedBy(new SocketTimeoutException("x"), new ConnectException())));
        assertEquals(ErrorClass.TIMEOUT, classOf(causedBy(new ConnectException("x"), new SocketTimeoutException())));
        assertEquals(ErrorClass.CONNECTION, classOf(new UncheckedIOException(new ConnectException("refused"))));
        assertEquals(ErrorClass.CONNECTION, classOf(causedBy(new ConnectException("x"), new IOException("reset"))));
        assertEquals(ErrorClass.CONNECTION, classOf(new UnknownHostException("nowhere.invalid")));
        assertEquals(ErrorClass.CONNECTION, classOf(new NoRouteToHostException("no route")));
        assertEquals(ErrorClass.CANCELLED, classOf(new InterruptedException()));
        assertEquals(ErrorClass.MALFORMED_STREAM, classOf(new JsonParseException(null, "not json")));
        assertEquals(ErrorClass.MALFORMED_STREAM, classOf(new RuntimeException(new UncheckedIOException(new IOException()))));
        assertEquals(ErrorClass.OTHER, classOf(new IllegalStateException("bug")));
    }

    @Test
    void theMessageIsTheDeepestOneThatSaysSomethingOnOneLine() {
        Throwable chain = causedBy(new RuntimeException("outer"), causedBy(new IOException("inner\n  reason\tcut"),
                new IOException("   ")));
        assertEquals("inner reason cut", ErrorClassifier.classify(chain).message());
        assertEquals("IllegalStateException", ErrorClassifier.classify(new IllegalStateException()).message());
        assertEquals("IOException", ErrorClassifier.classify(new RuntimeException((String) null,
                new IOException((String) null))).message(), "no message anywhere: the root's type names it");
    }

    @Test
    void aMalformedStreamsMessageIsNotReplacedByItsCause() {
        MalformedStreamException malformed = new MalformedStreamException("the response broke off", "data: {",
                new IOException("Connection reset"));
        assertTrue(ErrorClassifier.classify(new UncheckedIOException(malformed)).message()
                .startsWith("the response broke off; the response began"));
    }

    @Test
    void aLongMessageIsCutAtFourHundredCharacters() {
        String exact = "m".repeat(400);
        assertEquals(exact, ErrorClassifier.message(new IOException(exact)));
        assertEquals(exact + "…", ErrorClassifier.message(new IOException(exact + "more")));
    }

    @Test
    void aKeyInAnErrorMessageIsRedacted() {
        String secret = "sk-Zc8nR3wK5" + "z".repeat(30);
        Secrets.remember(secret);
        String message = ErrorClassifier.classify(new IOException("echo: " + secret)).message();
        assertFalse(message.contains("zzzzzzzz"), message);
        assertTrue(message.startsWith("echo: "), message);
    }

    @Test
    void labelsAreTheGuidesNames() {
        assertEquals("rate-limited", ErrorClass.RATE_LIMITED.label());
        assertEquals("malformed-stream", ErrorClass.MALFORMED_STREAM.label());
        assertEquals("http-4xx", ErrorClass.HTTP_4XX.label());
        for (ErrorClass c : ErrorClass.values()) {
            assertEquals(c != ErrorClass.CLIENT && c != ErrorClass.CANCELLED, c.chargedToServer(), c.label());
        }
    }

    @Test
    void langchain4jsMappedExceptionsNameTheirClassWithoutAStatus() {
        assertEquals(ErrorClass.RATE_LIMITED, classOf(new RateLimitException("slow down")));
        assertEquals(ErrorClass.HTTP_5XX, classOf(new InternalServerException("overloaded")));
        // Of two equally telling classes, the outermost is kept.
        assertEquals(ErrorClass.RATE_LIMITED, classOf(new RateLimitException(new InternalServerException("x"))));
        assertEquals(ErrorClass.HTTP_5XX, classOf(new InternalServerException(new RateLimitException("x"))));
    }
}
