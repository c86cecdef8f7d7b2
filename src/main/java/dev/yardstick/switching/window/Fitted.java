package dev.yardstick.switching.window;

import dev.yardstick.config.Message;
import java.util.List;

/**
 * A history fitted into one model's window: the messages to send, in order, and what the strategy declared it
 * left out — the ids it dropped and the ids it condensed into a summary. The integrity check holds the provider
 * to exactly this: every other message of the state present, in order, byte for byte.
 *
 * @param available tokens the history may take (window minus the room reserved for the answer); -1 when the
 *                  model's window is unknown and nothing was fitted
 */
public record Fitted(String strategy, List<Part> parts, List<Integer> dropped, List<Integer> condensed,
                     int tokensBefore, int tokensAfter, int available, String note) {

    public Fitted {
        parts = List.copyOf(parts);
        dropped = List.copyOf(dropped);
        condensed = List.copyOf(condensed);
    }

    /** One message of the fitted history. */
    public sealed interface Part permits Kept, Condensed {
        Message message();
    }

    /** A message of the state, sent unchanged. */
    public record Kept(ConversationState.Entry entry) implements Part {
        @Override
        public Message message() {
            return entry.message();
        }
    }

    /** A summary standing in for the messages {@code replaces} (ids), written by the strategy's summarizer. */
    public record Condensed(Message message, List<Integer> replaces) implements Part {
        public Condensed {
            replaces = List.copyOf(replaces);
        }
    }

    public List<Message> messages() {
        return parts.stream().map(Part::message).toList();
    }

    /** Whether the strategy declared this message left out (dropped or condensed). */
    public boolean declaredAway(int id) {
        return dropped.contains(id) || condensed.contains(id);
    }

    public boolean changed() {
        return !dropped.isEmpty() || !condensed.isEmpty();
    }

    /** Tokens after fitting over tokens before: 1 when nothing was fitted, smaller the more was left out. */
    public double ratio() {
        return tokensBefore == 0 ? 1 : (double) tokensAfter / tokensBefore;
    }
}
