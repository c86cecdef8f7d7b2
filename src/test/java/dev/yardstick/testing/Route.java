package dev.yardstick.testing;

import com.sun.net.httpserver.HttpExchange;
import java.util.regex.Pattern;

/** Which endpoint a request hit. */
record Route(Kind kind, Protocol protocol) {

    enum Kind {
        CHAT, MODELS, ROOT, NOT_FOUND
    }

    private static final Pattern GEMINI_CHAT =
            Pattern.compile("/v1beta/models/[^/:]+:(streamGenerateContent|generateContent)");

    static Route of(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (method.equals("POST")) {
            return switch (path) {
                case "/v1/chat/completions" -> new Route(Kind.CHAT, Protocol.OPENAI);
                case "/mistral/v1/chat/completions" -> new Route(Kind.CHAT, Protocol.MISTRAL);
                case "/v1/messages" -> new Route(Kind.CHAT, Protocol.ANTHROPIC);
                case "/api/chat" -> new Route(Kind.CHAT, Protocol.OLLAMA);
                default -> GEMINI_CHAT.matcher(path).matches()
                        ? new Route(Kind.CHAT, Protocol.GEMINI) : new Route(Kind.NOT_FOUND, null);
            };
        }
        if (method.equals("GET") || method.equals("HEAD")) {
            return switch (path) {
                // Anthropic's model list shares OpenAI's path; its clients always send anthropic-version.
                case "/v1/models" -> new Route(Kind.MODELS,
                        exchange.getRequestHeaders().containsKey("anthropic-version")
                                ? Protocol.ANTHROPIC : Protocol.OPENAI);
                case "/mistral/v1/models" -> new Route(Kind.MODELS, Protocol.MISTRAL);
                case "/api/tags" -> new Route(Kind.MODELS, Protocol.OLLAMA);
                case "/v1beta/models" -> new Route(Kind.MODELS, Protocol.GEMINI);
                case "/" -> new Route(Kind.ROOT, Protocol.OLLAMA);
                default -> new Route(Kind.NOT_FOUND, null);
            };
        }
        return new Route(Kind.NOT_FOUND, null);
    }
}
