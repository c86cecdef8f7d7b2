package dev.yardstick.provider;

/** Where a token count came from. Every output that shows a count says which, so counts are never mixed silently. */
public enum TokenSource {
    /** The provider's own usage block. */
    REPORTED,
    /** Counted with the model's own tokenizer (llama.cpp's for local models, jtokkit's for OpenAI families). */
    COUNTED,
    /** Estimated from the text's length: no tokenizer for this model is available. */
    ESTIMATED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
