package dev.yardstick.config.promptfoo;

import dev.yardstick.config.EndpointConfig;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.Secrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps promptfoo provider ids onto Yardstick models: {@code openai:chat:MODEL} and {@code openai:MODEL},
 * {@code anthropic:messages:MODEL}, {@code ollama:chat:MODEL}, {@code mistral:MODEL} and {@code google:MODEL}
 * (Gemini), and Yardstick's own names ({@code local/stories260k}, {@code mock/fast}, an endpoint of the config file).
 * A provider's {@code config} may set {@code apiBaseUrl}, {@code apiKey}, {@code apiKeyEnvar}, {@code temperature},
 * {@code max_tokens} and {@code seed}. A provider with a {@code label}, a key of its own or (with a key) a base URL
 * becomes an endpoint named after its label, so two providers of the same model stay apart. Anything else is an
 * {@link Unmappable} that names what it cannot run.
 */
final class PromptfooProviders {

    /** What cannot be mapped, and why; the reader adds the file and line. */
    static final class Unmappable extends RuntimeException {
        final String needle;

        Unmappable(String needle, String message) {
            super(message, null, false, false);
            this.needle = needle;
        }
    }

    /** A hosted protocol: where it listens by default and where its key comes from. */
    private record Protocol(String name, String baseUrl, String keyEnv) {
    }

    private static final Map<String, Protocol> PROTOCOLS = Map.of(
            "openai", new Protocol("openai", "https://api.openai.com/v1", "OPENAI_API_KEY"),
            "anthropic", new Protocol("anthropic", "https://api.anthropic.com/v1", "ANTHROPIC_API_KEY"),
            "gemini", new Protocol("gemini", "https://generativelanguage.googleapis.com/v1beta", "GEMINI_API_KEY"),
            "mistral", new Protocol("mistral", "https://api.mistral.ai/v1", "MISTRAL_API_KEY"),
            "ollama", new Protocol("ollama", "http://localhost:11434", null));
    private static final List<String> CONFIG_KEYS = List.of("apiBaseUrl", "apiKey", "apiKeyEnvar", "temperature",
            "max_tokens", "seed");
    private static final List<String> OPENAI_APIS = List.of("completion", "embedding", "embeddings", "assistant",
            "realtime", "responses", "image", "moderation", "transcription", "agents", "chatkit");
    private static final Pattern ENV_TEMPLATE = Pattern.compile("\\{\\{\\s*env\\.([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final Pattern SLUG = Pattern.compile("[^a-z0-9_.-]+");

    private final Map<String, EndpointConfig> endpoints = new LinkedHashMap<>();
    private final Map<String, String> keys = new LinkedHashMap<>();

    /** The endpoints the providers became. */
    Map<String, EndpointConfig> endpoints() {
        return endpoints;
    }

    /** The keys written in the file, by the variable name their endpoint reads. */
    Map<String, String> keys() {
        return keys;
    }

    /** A provider as a Yardstick model. */
    ModelSpec map(PromptfooFile.ProviderItem item) {
        if (item.id() == null || item.id().isBlank()) {
            throw new Unmappable("providers", "a provider needs an 'id' (e.g. openai:chat:gpt-4o-mini)");
        }
        String id = item.id().strip();
        for (String key : item.config().keySet()) {
            if (!CONFIG_KEYS.contains(key)) {
                throw new Unmappable(key + ":", "provider '" + id + "': config '" + key + "' is not supported"
                        + " (Yardstick maps " + String.join(", ", CONFIG_KEYS) + ")");
            }
        }
        ModelParams params = params(id, item.config());
        int colon = id.indexOf(':');
        int slash = id.indexOf('/');
        if (colon < 0 || (slash >= 0 && slash < colon)) {
            return yardstickModel(id, item, params);
        }
        String[] hosted = hosted(id);
        Protocol protocol = PROTOCOLS.get(hosted[0]);
        String baseUrl = text(item.config(), "apiBaseUrl");
        String keyEnv = keyEnv(id, item.config());
        if (item.label() == null && keyEnv == null) {
            return new ModelSpec(protocol.name(), hosted[1], baseUrl == null ? params
                    : params.overriddenBy(new ModelParams(null, null, null, baseUrl, null)));
        }
        String name = item.label() != null ? slug(item.label()) : protocol.name() + "-" + (endpoints.size() + 1);
        if (name.isEmpty() || endpoints.containsKey(name)) {
            throw new Unmappable(item.label() != null ? item.label() : id, "provider '" + id + "': label '"
                    + item.label() + "' names another provider too; give each a label of its own");
        }
        endpoints.put(name, new EndpointConfig(protocol.name(), baseUrl != null ? baseUrl : protocol.baseUrl(),
                keyEnv != null ? keyEnv : protocol.keyEnv(), null, null, null, null));
        return new ModelSpec(name, hosted[1], params);
    }

    /** A judge named by {@code options.provider}: as a model name the judge registry opens. */
    String judge(String id) {
        return map(PromptfooFile.ProviderItem.of(id)).label();
    }

    private static ModelSpec yardstickModel(String id, PromptfooFile.ProviderItem item, ModelParams params) {
        if (item.label() != null) {
            throw new Unmappable("label", "provider '" + id + "': a label renames hosted providers only; "
                    + id + " keeps its own name");
        }
        if (item.config().containsKey("apiBaseUrl") || item.config().containsKey("apiKey")
                || item.config().containsKey("apiKeyEnvar")) {
            throw new Unmappable(id, "provider '" + id + "': apiBaseUrl and API keys apply to hosted providers"
                    + " only (define an endpoint in the Yardstick config file instead)");
        }
        try {
            return ModelSpec.parse(id).withParams(params);
        } catch (InputException e) {
            throw new Unmappable(id, e.getMessage());
        }
    }

    /** {@code [protocol, model]} of a promptfoo id. */
    private static String[] hosted(String id) {
        String prefix = id.substring(0, id.indexOf(':')).toLowerCase(Locale.ROOT);
        String rest = id.substring(id.indexOf(':') + 1);
        String api = rest.contains(":") ? rest.substring(0, rest.indexOf(':')) : "";
        String model = switch (prefix) {
            case "openai" -> {
                if (api.equals("chat")) {
                    yield rest.substring(5);
                }
                if (OPENAI_APIS.contains(api)) {
                    throw new Unmappable(id, "provider '" + id + "': Yardstick speaks OpenAI's chat API only"
                            + " (openai:chat:MODEL)");
                }
                yield rest;
            }
            case "anthropic" -> {
                if (!api.equals("messages")) {
                    throw new Unmappable(id, "provider '" + id + "': Yardstick speaks Anthropic's Messages API"
                            + " (anthropic:messages:MODEL)");
                }
                yield rest.substring(9);
            }
            case "ollama" -> {
                if (!api.equals("chat")) {
                    throw new Unmappable(id, "provider '" + id + "': Yardstick speaks Ollama's chat API only"
                            + " (ollama:chat:MODEL)");
                }
                yield rest.substring(5);
            }
            case "mistral" -> {
                if (api.equals("embedding") || api.equals("embeddings")) {
                    throw new Unmappable(id, "provider '" + id + "': embeddings are not chat models");
                }
                yield api.equals("chat") ? rest.substring(5) : rest;
            }
            case "google" -> {
                if (!api.isEmpty()) {
                    throw new Unmappable(id, "provider '" + id + "': Yardstick maps google:MODEL (Gemini API)");
                }
                yield rest;
            }
            default -> throw new Unmappable(id, "provider '" + id + "': unknown provider prefix '" + prefix
                    + ":' (Yardstick maps openai:, anthropic:messages:, ollama:chat:, mistral:, google: and its own"
                    + " PROVIDER/MODEL names such as local/stories260k and mock/fast)");
        };
        if (model.isBlank()) {
            throw new Unmappable(id, "provider '" + id + "': no model named");
        }
        return new String[] {prefix.equals("google") ? "gemini" : prefix, model};
    }

    private static ModelParams params(String id, Map<String, Object> config) {
        try {
            return new ModelParams(number(id, config, "temperature"), whole(id, config, "max_tokens"),
                    whole(id, config, "seed"), null, null);
        } catch (dev.yardstick.config.FieldException e) {
            throw new Unmappable(e.field().equals("max-tokens") ? "max_tokens" : e.field(),
                    "provider '" + id + "': " + e.field().replace("max-tokens", "max_tokens") + " " + e.problem());
        }
    }

    /** The variable the provider's key is read from: {@code apiKeyEnvar}, {@code {{env.X}}}, or a written key's. */
    private String keyEnv(String id, Map<String, Object> config) {
        String envar = text(config, "apiKeyEnvar");
        if (envar != null) {
            return envar;
        }
        String key = text(config, "apiKey");
        if (key == null) {
            return null;
        }
        Matcher env = ENV_TEMPLATE.matcher(key.strip());
        if (env.matches()) {
            return env.group(1);
        }
        Secrets.remember(key);
        String variable = "PROMPTFOO_API_KEY_" + (keys.size() + 1);
        keys.put(variable, key.strip());
        return variable;
    }

    private static String text(Map<String, Object> config, String key) {
        Object value = config.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new Unmappable(key + ":", "config '" + key + "' expects text, got " + value);
        }
        return s;
    }

    private static Double number(String id, Map<String, Object> config, String key) {
        Object value = config.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new Unmappable(key + ":", "provider '" + id + "': config '" + key + "' expects a number, got " + value);
    }

    private static Integer whole(String id, Map<String, Object> config, String key) {
        Double value = number(id, config, key);
        if (value == null) {
            return null;
        }
        if (value != Math.rint(value)) {
            throw new Unmappable(key + ":", "provider '" + id + "': config '" + key + "' expects a whole number, got "
                    + value);
        }
        return value.intValue();
    }

    private static String slug(String label) {
        return SLUG.matcher(label.strip().toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
    }
}
