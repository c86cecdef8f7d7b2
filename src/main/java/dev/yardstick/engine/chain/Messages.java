package dev.yardstick.engine.chain;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.yardstick.config.Message;
import dev.yardstick.config.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads langchain4j's messages back into Yardstick's provider-independent ones, text and role exactly kept. */
public final class Messages {

    private Messages() {
    }

    public static List<Message> of(List<ChatMessage> messages) {
        List<Message> result = new ArrayList<>(messages.size());
        for (ChatMessage message : messages) {
            result.add(of(message));
        }
        return List.copyOf(result);
    }

    /**
     * A message as Yardstick sees it. Kinds a conversation never sends (tool results, custom messages) come back
     * as a user message whose content names the kind, so the integrity check reports them as unexpected.
     */
    public static Message of(ChatMessage message) {
        return switch (message) {
            case SystemMessage s -> Message.system(s.text());
            case UserMessage u -> Message.user(text(u));
            case AiMessage a -> Message.assistant(text(a));
            default -> new Message(Role.USER, "<" + message.type().name().toLowerCase(Locale.ROOT) + " message>");
        };
    }

    public static String text(ChatMessage message) {
        return switch (message) {
            case SystemMessage s -> s.text();
            case UserMessage u -> u.hasSingleText() ? u.singleText() : u.contents().stream()
                    .filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
                    .collect(Collectors.joining("\n"));
            case AiMessage a -> a.text() == null ? "" : a.text();
            default -> "";
        };
    }
}
