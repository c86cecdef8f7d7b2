package dev.yardstick.switching.window;

import dev.yardstick.config.Role;
import dev.yardstick.provider.TokenCounter;
import dev.yardstick.provider.TokenSource;
import java.util.function.ToIntFunction;

/** Conversations of known size for the fitting and integrity tests, counted one token per word. */
public final class Conversations {

    public static final String LABEL = "test/model";
    public static final TokenCounter WORDS = counter("words", text -> {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    });
    public static final TokenMeter METER = new TokenMeter(WORDS);
    /** One token per UTF-16 code unit: a tokenizer fine-grained enough to cut inside a character. */
    public static final TokenMeter CHARS = new TokenMeter(counter("chars", text -> text == null ? 0 : text.length()));

    private Conversations() {
    }

    private static TokenCounter counter(String name, ToIntFunction<String> count) {
        return new TokenCounter() {
            @Override
            public int count(String text) {
                return count.applyAsInt(text);
            }

            @Override
            public TokenSource source() {
                return TokenSource.COUNTED;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    /** {@code n} words: {@code tag w2 w3 ...}. */
    public static String words(String tag, int n) {
        StringBuilder b = new StringBuilder(tag);
        for (int i = 2; i <= n; i++) {
            b.append(" w").append(i);
        }
        return b.toString();
    }

    /**
     * A system prompt of 5 words, {@code turns} exchanges of two 10-word messages, then a new 5-word user message:
     * as a request 3 + 8 + 26 × turns + 8 tokens (3 of framing per message and per request).
     */
    public static ConversationState of(int turns) {
        ConversationState state = ConversationState.start("You are a helpful agent");
        for (int t = 1; t <= turns; t++) {
            state = state.append(Role.USER, words("user" + t, 10), t, "script")
                    .append(Role.ASSISTANT, words("answer" + t, 10), t, "mock/a");
        }
        return state.append(Role.USER, words("question", 5), turns + 1, "script").countedFor(LABEL, METER);
    }
}
