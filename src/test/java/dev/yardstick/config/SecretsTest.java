package dev.yardstick.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final String KEY = "sk-cnry-Q7vX2mPz9LwK4tRb8NcY"; // 29 characters

    @BeforeEach
    @AfterEach
    void forget() {
        Secrets.forgetAll();
    }

    @Test
    void theWholeKeyAndEveryFragmentOfEightOrMoreAreScrubbed() {
        Secrets.remember(KEY);
        assertEquals("key *** end", Secrets.redact("key " + KEY + " end"));
        for (int length = Secrets.FRAGMENT; length <= KEY.length(); length++) {
            for (int from = 0; from + length <= KEY.length(); from++) {
                String fragment = KEY.substring(from, from + length);
                String out = Secrets.redact("<" + fragment + ">");
                assertEquals("<***>", out, fragment);
            }
        }
    }

    @Test
    void fragmentsShorterThanEightAndOrdinaryTextStay() {
        Secrets.remember(KEY);
        String seven = KEY.substring(3, 10);
        assertEquals("a " + seven + " b", Secrets.redact("a " + seven + " b"));
        String prose = "The quick brown fox jumps over the lazy dog, 1234567890 times.";
        assertSame(prose, Secrets.redact(prose));
    }

    @Test
    void aMaskedEchoKeepsNoFragmentOfEight() {
        Secrets.remember(KEY);
        // What a provider shows of a rejected key: its first and last characters around a run of stars.
        String echoed = "Incorrect API key provided: " + KEY.substring(0, 10) + "****" + KEY.substring(KEY.length() - 9);
        String out = Secrets.redact(echoed);
        assertEquals("Incorrect API key provided: ***" + "****" + "***", out);
        assertNoFragment(out, KEY);
    }

    @Test
    void overlappingAndRepeatedEchoesAreAllScrubbed() {
        Secrets.remember(KEY);
        String text = KEY + KEY.substring(5) + " and " + KEY.substring(0, 12) + "|" + KEY.substring(12);
        String out = Secrets.redact(text);
        assertNoFragment(out, KEY);
        assertEquals("*** and ***|***", out);
    }

    @Test
    void everyRememberedSecretIsScrubbedInOnePass() {
        List<String> keys = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20; i++) {
            keys.add(randomKey(random, 40));
            Secrets.remember(keys.get(i));
        }
        StringBuilder text = new StringBuilder();
        keys.forEach(k -> text.append("x ").append(k, 3, 20).append(' '));
        String out = Secrets.redact(text.toString());
        keys.forEach(k -> assertNoFragment(out, k));
        assertEquals("x *** ".repeat(20), out);
    }

    @Test
    void shortCredentialsAreScrubbedWholeAndTinyOnesAreIgnored() {
        Secrets.remember("abc12x7"); // 7: no fragment of 8 exists, so the whole of it
        Secrets.remember("abc"); // too short to be a credential: masking it would wreck prose
        assertEquals("*** abc", Secrets.redact("abc12x7 abc"));
    }

    @Test
    void credentialHeadersAreScrubbedByFragmentOtherHeadersOnlyWhole() {
        Secrets.rememberHeader("Authorization", "Bearer hdr-Tk9fQ2wXz7mLp4");
        Secrets.rememberHeader("HTTP-Referer", "https://shop.example.com");
        Secrets.rememberHeader("X-Team", "search");
        String out = Secrets.redact("Bearer hdr-Tk9fQ2wX and https://shop.example.com and https://other.example.org"
                + " search");
        assertEquals("Bearer *** and *** and https://other.example.org search", out);
    }

    @Test
    void aWriterScrubsASecretWrittenInPieces() throws Exception {
        Secrets.remember(KEY);
        StringWriter target = new StringWriter();
        try (Writer out = Secrets.redacting(target)) {
            out.write("first " + KEY.substring(0, 6));
            out.write(KEY.substring(6) + " line\nsecond ");
            assertEquals("first *** line\n", target.toString(), "a finished line passes at once");
            out.write(KEY.substring(0, 9));
            out.flush();
        }
        assertEquals("first *** line\nsecond ***", target.toString());
    }

    @Test
    void aMegabyteAnswerIsScrubbedInMilliseconds() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 5; i++) {
            Secrets.remember(randomKey(random, 64));
        }
        Secrets.remember(KEY);
        StringBuilder answer = new StringBuilder();
        while (answer.length() < 1 << 20) {
            answer.append("Once upon a time a model answered at length, token after token; ");
            if (answer.length() % 100_000 < 70) {
                answer.append(KEY, 2, 14);
            }
        }
        String text = answer.toString();
        long best = Long.MAX_VALUE;
        String out = null;
        for (int round = 0; round < 15; round++) {
            long start = System.nanoTime();
            out = Secrets.redact(text);
            best = Math.min(best, System.nanoTime() - start);
        }
        assertNoFragment(out, KEY);
        System.out.printf("redact 1 MiB, 6 secrets: best of 15 %.2f ms%n", best / 1e6);
        // Generous for a loaded 2-core machine: a linear pass takes a few milliseconds, a quadratic one seconds.
        assertTrue(best < 250_000_000L, "took " + best / 1e6 + " ms");
    }

    private static String randomKey(SplittableRandom random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder key = new StringBuilder("sk-");
        while (key.length() < length) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }

    static void assertNoFragment(String text, String secret) {
        for (int i = 0; i + Secrets.FRAGMENT <= secret.length(); i++) {
            String fragment = secret.substring(i, i + Secrets.FRAGMENT);
            assertFalse(text.contains(fragment), "fragment '" + fragment + "' left in: " + text);
        }
    }
}
