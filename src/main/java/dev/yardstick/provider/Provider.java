package dev.yardstick.provider;

import dev.yardstick.config.ModelSpec;

/** A family of models reached one way: a vendor's API, an OpenAI-compatible server, in-process llama.cpp, or mock. */
public interface Provider {

    /** The name used before the slash in {@code provider/model}. */
    String name();

    /** One line for {@code yardstick models}. */
    String description();

    /** Whether this provider can be used here (key present, server reachable, model file found), and why not. */
    Availability availability(ProviderContext context);

    /**
     * Opens a model. Throws {@link dev.yardstick.config.InputException} for what the user must fix (missing key,
     * unknown model file) and {@link ProviderException} for what failed at run time.
     */
    ModelClient open(ModelSpec spec, ProviderContext context);

    /**
     * Whether its models run inside this process (llama.cpp, mock). Their tokenizer is the model's own, so counting
     * their tokens outside a run means opening the model; a hosted model's tokens are counted by its name.
     */
    default boolean inProcess() {
        return false;
    }
}
