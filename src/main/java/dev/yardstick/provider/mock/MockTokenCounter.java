package dev.yardstick.provider.mock;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.yardstick.provider.TokenCounter;
import dev.yardstick.provider.TokenSource;

/** The mock's own tokenizer: one token per whitespace-separated word, which is exactly how it generates. */
final class MockTokenCounter implements TokenCounter {

    static final MockTokenCounter INSTANCE = new MockTokenCounter();

    private MockTokenCounter() {
    }

    @Override
    public int count(String text) {
        if (text == null) {
            return 0;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    @Override
    public TokenSource source() {
        return TokenSource.COUNTED;
    }

    @Override
    public String name() {
        return "mock:words";
    }

    static String textOf(ChatMessage message) {
        return switch (message) {
            case SystemMessage s -> s.text();
            case UserMessage u -> u.hasSingleText() ? u.singleText() : u.toString();
            case AiMessage a -> a.text() == null ? "" : a.text();
            default -> "";
        };
    }
}
