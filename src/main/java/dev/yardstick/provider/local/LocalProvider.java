package dev.yardstick.provider.local;

import dev.yardstick.config.ModelConfig;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.provider.Availability;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.Provider;
import dev.yardstick.provider.ProviderContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code local/...}: GGUF models run in-process by llama.cpp. {@code local/stories260k} is built in (found on the
 * search path or downloaded once, see {@link ModelFiles}). Opening the same file for several roles loads it once.
 */
public final class LocalProvider implements Provider {

    /** stories260K's training sequence length (the model's README), below its GGUF header's 2048. */
    static final int STORIES260K_TRAINED_CONTEXT = 128;

    private final Function<Map<String, String>, ModelFiles> files;

    public LocalProvider() {
        this(ModelFiles::fromEnvironment);
    }

    /** @param files the model files as seen from an environment (tests give temp folders and a loopback URL) */
    public LocalProvider(Function<Map<String, String>, ModelFiles> files) {
        this.files = files;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public boolean inProcess() {
        return true;
    }

    @Override
    public String description() {
        return "in-process llama.cpp on GGUF files: local/stories260k (built in), local/<name>, local/<path>.gguf";
    }

    @Override
    public Availability availability(ProviderContext context) {
        if (!NativeLlama.available()) {
            return Availability.no("llama.cpp ships no native library for " + NativeLlama.platform());
        }
        ModelFiles modelFiles = files.apply(context.env());
        Optional<Path> found = modelFiles.find(ModelFiles.DEFAULT_MODEL);
        return found.map(path -> Availability.ok(ModelFiles.DEFAULT_FILE + " at " + path))
                .orElseGet(() -> Availability.ok(ModelFiles.DEFAULT_FILE + " not found yet: the first use downloads "
                        + "it (1.2 MB) to " + modelFiles.defaultDownloadTarget()));
    }

    @Override
    public ModelClient open(ModelSpec spec, ProviderContext context) {
        ModelSpec withParams = spec.withParams(context.config().paramsFor(spec));
        ModelFiles modelFiles = files.apply(context.env());
        Path file = modelFiles.resolve(spec.model());
        LoadedModel model = LoadedModels.acquire(file);
        return new LocalModelClient(withParams, model, usableWindow(spec, context, modelFiles, model));
    }

    /**
     * The context a request may fill: the config's {@code context-window} for the model where set; for the
     * embedded stories260K the 128 tokens it was trained on (its GGUF header says 2048, but past 128 it writes
     * nonsense, see its README); otherwise the context llama.cpp was given.
     */
    private static int usableWindow(ModelSpec spec, ProviderContext context, ModelFiles modelFiles,
                                    LoadedModel model) {
        Integer configured = context.config().model(spec.label()).map(ModelConfig::contextWindow).orElse(null);
        int window = configured != null ? configured
                : modelFiles.isDefault(spec.model()) ? STORIES260K_TRAINED_CONTEXT : model.contextSize();
        return Math.min(window, model.contextSize());
    }
}
