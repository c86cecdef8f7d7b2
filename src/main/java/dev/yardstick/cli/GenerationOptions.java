package dev.yardstick.cli;

import dev.yardstick.config.Durations;
import dev.yardstick.config.FieldException;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.ModelSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The models to run and the generation settings that apply to all of them (flags win over the config file). */
public final class GenerationOptions {

    // Required unless a promptfoo config names the models: CompareCommand says so when neither is given.
    @Option(names = {"-m", "--model"}, paramLabel = "PROVIDER/MODEL",
            converter = SettingConverters.ToModel.class,
            description = "A model, e.g. local/stories260k, mock/fast, openai/gpt-4o-mini. Repeatable.")
    List<ModelSpec> models = new ArrayList<>();

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (0–2).")
    Double temperature;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Cap on output tokens per answer.")
    Integer maxTokens;

    @Option(names = "--seed", paramLabel = "N", description = "Sampling seed, where the provider supports one.")
    Integer seed;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Base URL for the models' provider (an OpenAI-compatible server, say).")
    String baseUrl;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    String timeout;

    public Duration timeout() {
        return Durations.parseFlag("timeout", timeout);
    }

    public ModelParams params() {
        try {
            return new ModelParams(temperature, maxTokens, seed, baseUrl, timeout());
        } catch (FieldException e) {
            throw e.asFlag();
        }
    }
}
