package dev.yardstick.switching.window;

import dev.yardstick.config.Message;
import dev.yardstick.config.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one conversation carried across providers: every message with its role, where it came from and its token
 * count in each model's tokenizer. Immutable: each turn makes a new state, so what a provider was sent can always
 * be checked against the state it was built from.
 */
public record ConversationState(List<Entry> entries) {

    public ConversationState {
        entries = List.copyOf(entries);
    }

    /**
     * One message of the conversation.
     *
     * @param id     its position in the conversation, from 0; stable, so fittings and checks can name it
     * @param turn   the user turn it belongs to; 0 for the system prompt
     * @param author {@code script} for the system prompt and user turns, else the label of the model that answered
     * @param tokens its content's tokens in each model's tokenizer, by model label (framing not included)
     */
    public record Entry(int id, Role role, String content, int turn, String author, Map<String, Integer> tokens) {

        public Entry {
            tokens = Map.copyOf(tokens);
        }

        public Message message() {
            return new Message(role, content);
        }

        /** A short name for findings: {@code #3 (assistant, turn 2)}. */
        public String describe() {
            return "#" + id + " (" + role.wireName() + (turn > 0 ? ", turn " + turn : "") + ")";
        }
    }

    /** A new conversation: the system prompt alone, or nothing when there is none. */
    public static ConversationState start(String system) {
        ConversationState empty = new ConversationState(List.of());
        return system == null || system.isEmpty() ? empty : empty.append(Role.SYSTEM, system, 0, "script");
    }

    public ConversationState append(Role role, String content, int turn, String author) {
        List<Entry> next = new ArrayList<>(entries);
        next.add(new Entry(entries.size(), role, content, turn, author, Map.of()));
        return new ConversationState(next);
    }

    /** This state with every message counted in {@code meter}'s tokenizer under {@code label} (cached counts kept). */
    public ConversationState countedFor(String label, TokenMeter meter) {
        if (entries.stream().allMatch(e -> e.tokens().containsKey(label))) {
            return this;
        }
        List<Entry> next = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (e.tokens().containsKey(label)) {
                next.add(e);
            } else {
                Map<String, Integer> tokens = new HashMap<>(e.tokens());
                tokens.put(label, meter.content(e.content()));
                next.add(new Entry(e.id(), e.role(), e.content(), e.turn(), e.author(), tokens));
            }
        }
        return new ConversationState(next);
    }

    public List<Message> messages() {
        return entries.stream().map(Entry::message).toList();
    }

    public Entry last() {
        return entries.get(entries.size() - 1);
    }

    /** The whole conversation's content tokens in one model's tokenizer; -1 when not counted for it. */
    public int contentTokens(String label) {
        int sum = 0;
        for (Entry e : entries) {
            Integer n = e.tokens().get(label);
            if (n == null) {
                return -1;
            }
            sum += n;
        }
        return sum;
    }
}
