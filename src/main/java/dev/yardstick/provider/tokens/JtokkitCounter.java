package dev.yardstick.provider.tokens;

import com.knuddels.jtokkit.api.Encoding;
import dev.yardstick.provider.TokenCounter;
import dev.yardstick.provider.TokenSource;

/** OpenAI's own byte-pair encodings (o200k_base, cl100k_base), through jtokkit. */
record JtokkitCounter(Encoding encoding) implements TokenCounter {

    @Override
    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    @Override
    public TokenSource source() {
        return TokenSource.COUNTED;
    }

    @Override
    public String name() {
        return "jtokkit:" + encoding.getName();
    }
}
