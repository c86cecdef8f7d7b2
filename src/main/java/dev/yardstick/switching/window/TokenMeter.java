package dev.yardstick.switching.window;

import dev.yardstick.config.Message;
import dev.yardstick.provider.TokenCounter;
import dev.yardstick.provider.TokenSource;
import java.util.List;

/**
 * Counts a chat the way it takes room in a model's window: each message's content with the model's own
 * tokenizer (jtokkit for OpenAI families, llama.cpp's for local models, a marked estimate otherwise), plus the
 * framing a chat format adds around it. The framing is OpenAI's published count (3 tokens a message, 3 to prime
 * the answer); local plain-text prompts use less, so a history fitted with it always fits.
 */
public record TokenMeter(TokenCounter counter) {

    public static final int PER_MESSAGE = 3;
    public static final int PER_REQUEST = 3;

    public int content(String text) {
        return counter.count(text);
    }

    /** One message as it sits in a request: its content and its framing. */
    public int message(Message message) {
        return content(message.content()) + PER_MESSAGE;
    }

    /** A whole request's messages. */
    public int request(List<Message> messages) {
        int sum = PER_REQUEST;
        for (Message m : messages) {
            sum += message(m);
        }
        return sum;
    }

    public String tokenizer() {
        return counter.name();
    }

    public TokenSource source() {
        return counter.source();
    }
}
