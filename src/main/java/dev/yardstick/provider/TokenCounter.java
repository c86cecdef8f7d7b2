package dev.yardstick.provider;

/** Counts tokens of text the way one model does. */
public interface TokenCounter {

    int count(String text);

    /** {@link TokenSource#COUNTED} when this is the model's real tokenizer, {@link TokenSource#ESTIMATED} otherwise. */
    TokenSource source();

    /** A short name for reports, e.g. {@code jtokkit:o200k_base}, {@code llama.cpp}, {@code estimate:chars/4}. */
    String name();
}
