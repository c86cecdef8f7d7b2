package dev.yardstick.provider.local;

import dev.yardstick.provider.TokenCounter;
import dev.yardstick.provider.TokenSource;

/**
 * Counts tokens with the loaded model's own tokenizer (llama.cpp's, from the GGUF vocabulary). Counts the text
 * alone: the BOS token llama.cpp puts before a whole prompt is in the usage it reports, not here.
 */
public final class LlamaTokenCounter implements TokenCounter {

    private final LoadedModel model;
    private final String name;

    LlamaTokenCounter(LoadedModel model) {
        this.model = model;
        this.name = "llama.cpp:" + model.file().getFileName();
    }

    @Override
    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : model.encode(text).length;
    }

    @Override
    public TokenSource source() {
        return TokenSource.COUNTED;
    }

    @Override
    public String name() {
        return name;
    }
}
