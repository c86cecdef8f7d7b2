package dev.yardstick.provider.tokens;

import dev.yardstick.provider.TokenCounter;
import dev.yardstick.provider.TokenSource;

/**
 * For models whose tokenizer we do not have: about four characters of English per token, the rule of thumb the
 * vendors publish. Always marked {@link TokenSource#ESTIMATED}.
 */
public final class EstimatingCounter implements TokenCounter {

    public static final EstimatingCounter INSTANCE = new EstimatingCounter();

    private static final double CHARS_PER_TOKEN = 4.0;

    private EstimatingCounter() {
    }

    @Override
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return (int) Math.max(1, Math.round(text.codePointCount(0, text.length()) / CHARS_PER_TOKEN));
    }

    @Override
    public TokenSource source() {
        return TokenSource.ESTIMATED;
    }

    @Override
    public String name() {
        return "estimate:chars/4";
    }
}
