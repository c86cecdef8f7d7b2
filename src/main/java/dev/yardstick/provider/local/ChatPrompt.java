package dev.yardstick.provider.local;

import de.kherud.llama.Pair;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a chat into the text llama.cpp continues.
 *
 * <p>When the GGUF file embeds a chat template ({@code tokenizer.chat_template}, as instruction-tuned models do),
 * llama.cpp applies it: system text first, then the user and assistant turns, then the opened assistant turn.
 *
 * <p>Without one (stories260K and other base models) the prompt is plain text: the texts of the messages in
 * their order, system first as given, one per line, with no role labels and nothing after the last one. A base
 * model continues whatever text it is given; labels it never saw in training would only be copied into its output.
 * So {@code [system "You tell stories.", user "Once upon a time"]} becomes
 * {@code "You tell stories.\nOnce upon a time"}.
 */
final class ChatPrompt {

    private ChatPrompt() {
    }

    static String render(List<ChatMessage> messages, LoadedModel model) {
        return model.metadata().chatTemplate().isPresent() ? templated(messages, model) : plain(messages);
    }

    static String plain(List<ChatMessage> messages) {
        List<String> texts = new ArrayList<>(messages.size());
        for (ChatMessage message : messages) {
            texts.add(textOf(message));
        }
        return String.join("\n", texts);
    }

    private static String templated(List<ChatMessage> messages, LoadedModel model) {
        List<String> system = new ArrayList<>();
        List<Pair<String, String>> turns = new ArrayList<>();
        for (ChatMessage message : messages) {
            switch (message) {
                case SystemMessage s -> system.add(s.text());
                case UserMessage u -> turns.add(new Pair<>("user", textOf(u)));
                case AiMessage a -> turns.add(new Pair<>("assistant", textOf(a)));
                default -> textOf(message); // throws: unsupported message type
            }
        }
        return model.applyTemplate(String.join("\n", system), turns);
    }

    /** The text of a message; local models take text only. */
    static String textOf(ChatMessage message) {
        return switch (message) {
            case SystemMessage s -> s.text();
            case UserMessage u -> userText(u);
            case AiMessage a when a.text() != null && !a.hasToolExecutionRequests() -> a.text();
            default -> throw new UnsupportedFeatureException("local models take text messages only, not "
                    + message.type().name().toLowerCase(Locale.ROOT) + " messages or tool calls");
        };
    }

    private static String userText(UserMessage message) {
        if (message.hasSingleText()) {
            return message.singleText();
        }
        List<String> parts = new ArrayList<>();
        for (Content content : message.contents()) {
            if (!(content instanceof TextContent text)) {
                throw new UnsupportedFeatureException("local models take text only, not "
                        + content.type().name().toLowerCase(Locale.ROOT) + " content");
            }
            parts.add(text.text());
        }
        return String.join("\n", parts);
    }
}
