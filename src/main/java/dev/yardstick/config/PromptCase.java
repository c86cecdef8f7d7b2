package dev.yardstick.config;


import java.util.List;

/** One prompt of a prompt set: its id, the messages to send (variables already filled in) and what to expect. */
public record PromptCase(String id, List<Message> messages, Expectation expect) {

    public PromptCase {
        messages = List.copyOf(messages);
    }

    /** The text of the last user message, for display. */
    public String promptText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).content();
            }
        }
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1).content();
    }
}
