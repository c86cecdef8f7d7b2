package dev.yardstick.provider.http;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.internal.ExceptionMapper;
import dev.yardstick.config.Secrets;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpStatusExceptionTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void retryAfterAcceptsDeltaSecondsAndHttpDates() {
        assertEquals(Optional.of(Duration.ofSeconds(2)), RetryAfter.parse(" 2 ", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Sun, 22 Nov 2026 10:01:30 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Sun, 22 Nov 2026 09:00:00 GMT", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("-3", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("99999999999999999999999", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
    }

    @Test
    void headersAreReadWhateverTheirCase() {
        HttpStatusException e = HttpStatusException.of(429,
                Map.of("retry-after", List.of("7"), "Request-Id", List.of("req_42")), "slow down", NOW);
        assertEquals(429, e.statusCode());
        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
        assertEquals(Optional.of("req_42"), e.requestId());
        assertEquals(List.of("7"), e.headers().get("Retry-After"));
        assertEquals("HTTP 429: slow down", e.getMessage());
    }

    @Test
    void xRequestIdWinsOverRequestId() {
        HttpStatusException e = HttpStatusException.of(500,
                Map.of("request-id", List.of("b"), "X-Request-Id", List.of("a")), "", NOW);
        assertEquals(Optional.of("a"), e.requestId());
        assertEquals(Optional.empty(), e.retryAfter());
        assertEquals("HTTP 500", e.getMessage());
    }

    @Test
    void bodyIsRedactedBeforeItIsCut() {
        String secret = "sk-test-" + "k".repeat(40);
        Secrets.remember(secret);
        String padding = "x".repeat(HttpStatusException.MAX_BODY_CHARS - 10);
        // The key straddles the cut: cutting first would leave its first ten characters in the message.
        HttpStatusException e = HttpStatusException.of(401, Map.of(), padding + secret + " tail", NOW);
        assertFalse(e.getMessage().contains("sk-test-"), e.getMessage());
        assertFalse(e.body().contains("kkkk"));
        assertTrue(e.body().startsWith(padding + "***"));
        assertTrue(e.body().length() <= HttpStatusException.MAX_BODY_CHARS + 20);
    }

    @Test
    void langchain4jMappingKeepsItAsTheCause() {
        HttpStatusException e = HttpStatusException.of(429, Map.of("Retry-After", List.of("2")), "{}", NOW);
        RuntimeException mapped = ExceptionMapper.DEFAULT.mapException(e);
        assertInstanceOf(RateLimitException.class, mapped);
        assertSame(e, mapped.getCause());
        assertSame(e, HttpStatusException.findIn(mapped).orElseThrow());
        assertNull(e.getCause(), "a cause would hide this exception from ExceptionMapper's root-cause lookup");
    }

    @Test
    void aBodyOfExactlyTheLimitIsShownWholeAndOneCharacterMoreIsCut() {
        String exact = "b".repeat(HttpStatusException.MAX_BODY_CHARS);
        assertEquals(exact, HttpStatusException.of(400, Map.of(), exact, NOW).body());
        assertEquals(exact + "… (" + (HttpStatusException.MAX_BODY_CHARS + 1) + " chars)",
                HttpStatusException.of(400, Map.of(), exact + "b", NOW).body());
    }
}
