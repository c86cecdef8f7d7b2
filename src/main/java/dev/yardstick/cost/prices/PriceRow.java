package dev.yardstick.cost.prices;

import dev.yardstick.config.InputException;
import java.time.LocalDate;
import java.util.List;

/**
 * The price of one model, in USD per million tokens, with where it came from and when it was true. Every cost
 * Yardstick shows carries the row it was computed with, so a report keeps the price it used after prices change.
 *
 * @param model          {@code provider/model} with Yardstick's provider names ({@code openai/gpt-5.2},
 *                       {@code gemini/gemini-2.5-flash}, {@code groq/llama-3.3-70b-versatile})
 * @param aliases        other names billed at exactly this price (dated snapshots, OpenRouter names), each listed
 * @param input          uncached input tokens
 * @param cachedInput    input tokens read from the prompt cache; null: no cache discount (billed as input)
 * @param cacheWrite     input tokens written to the prompt cache where billed apart; null: billed as input
 * @param output         output tokens (reasoning included)
 * @param batchDiscount  share taken off every price through the batch API (0.5 = half price); null: none known
 * @param longContext    a tier for long prompts, or null
 * @param perHour        USD per hour of a dedicated machine (self-hosted models), or null
 * @param contextWindow  total context in tokens, or null when unknown
 * @param maxInput       the largest prompt, where the provider caps it below the context window, or null
 * @param maxOutput      the most output tokens per request, or null when unknown
 * @param source         where the price was read
 * @param asOf           the date the price was read, or null when unknown (a price typed into a config file)
 * @param origin         which layer of the catalog the row comes from; set by the catalog, not by files
 */
public record PriceRow(String model, List<String> aliases, Double input, Double cachedInput, Double cacheWrite,
                       Double output, Double batchDiscount, LongContextTier longContext, Double perHour,
                       Integer contextWindow, Integer maxInput, Integer maxOutput, String source, LocalDate asOf,
                       PriceOrigin origin) {

    static final double PER_MILLION = 1_000_000.0;

    public PriceRow {
        if (model == null || model.isBlank()) {
            throw new InputException("a price row has no 'model' (expected provider/model)");
        }
        ProviderNames.key(model); // validates the provider/model form
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        aliases.forEach(ProviderNames::key);
        if (perHour != null) {
            checkPrice("per-hour", perHour);
            // A machine priced by the hour costs nothing more per token unless the row says so.
            input = input == null ? 0.0 : input;
            output = output == null ? 0.0 : output;
        }
        requirePrice("input", input);
        requirePrice("output", output);
        checkPrice("cached-input", cachedInput);
        checkPrice("cache-write", cacheWrite);
        if (batchDiscount != null && (batchDiscount < 0 || batchDiscount >= 1)) {
            throw new InputException("batch-discount must be a share in [0, 1) (0.5 = half price), got "
                    + batchDiscount);
        }
        checkPositive("context-window", contextWindow);
        checkPositive("max-input", maxInput);
        checkPositive("max-output", maxOutput);
        source = source == null || source.isBlank() ? "unknown source" : source.trim();
    }

    /** A zero price for a local or mock model that nobody priced, marked so that no output mistakes it for free. */
    public static PriceRow unpriced(String model) {
        return new PriceRow(model, List.of(), 0.0, null, null, 0.0, null, null, null, null, null, null,
                "local: unpriced (set a price in the config)", null, PriceOrigin.UNPRICED);
    }

    public PriceRow withOrigin(PriceOrigin newOrigin) {
        return new PriceRow(model, aliases, input, cachedInput, cacheWrite, output, batchDiscount, longContext,
                perHour, contextWindow, maxInput, maxOutput, source, asOf, newOrigin);
    }

    /** This row's prices under another name (an alias that was looked up, a configured model). */
    public PriceRow renamed(String newModel) {
        return new PriceRow(newModel, List.of(), input, cachedInput, cacheWrite, output, batchDiscount, longContext,
                perHour, contextWindow, maxInput, maxOutput, source, asOf, origin);
    }

    /** The rates for a request whose prompt has this many tokens: the long-context tier's when it applies. */
    Rates ratesFor(double promptTokens) {
        if (longContext != null && longContext.appliesTo(promptTokens)) {
            return longContext.rates();
        }
        return new Rates(input, cachedInput == null ? input : cachedInput, cacheWrite == null ? input : cacheWrite,
                output);
    }

    /**
     * True when the provider bills cache writes apart (the row has a cache-write price): its caching is explicit,
     * so every cache read was paid for by a write.
     */
    public boolean billsCacheWrites() {
        return cacheWrite != null;
    }

    /** The prompt limit: max input where the provider sets one, else the context window, else null. */
    public Integer promptLimit() {
        return maxInput != null ? maxInput : contextWindow;
    }

    /** One line naming the price a cost was computed with, e.g. for a report's footnote. */
    public String reference() {
        StringBuilder text = new StringBuilder(model).append(": ");
        if (perHour != null) {
            text.append(Money.price(perHour)).append("/h");
            if (input > 0 || output > 0) {
                text.append(" + ");
            }
        }
        if (perHour == null || input > 0 || output > 0) {
            text.append(Money.price(input)).append(" in");
            if (cachedInput != null) {
                text.append(" / ").append(Money.price(cachedInput)).append(" cached");
            }
            if (cacheWrite != null) {
                text.append(" / ").append(Money.price(cacheWrite)).append(" cache write");
            }
            text.append(" / ").append(Money.price(output)).append(" out per 1M tokens");
        }
        text.append(" (").append(origin == null ? "file" : origin.label()).append(": ").append(source);
        if (asOf != null) {
            text.append(", as of ").append(asOf);
        }
        return text.append(')').toString();
    }

    /** The name this row is found under, lower-cased: {@code openai/gpt-5.2}. */
    String key() {
        return ProviderNames.key(model);
    }

    static void requirePrice(String field, Double value) {
        if (value == null) {
            throw new InputException("'" + field + "' price is missing (USD per million tokens)");
        }
        checkPrice(field, value);
    }

    static void checkPrice(String field, Double value) {
        if (value != null && (value < 0 || value.isNaN() || value.isInfinite())) {
            throw new InputException("'" + field + "' must be a price of zero or more, got " + value);
        }
    }

    private static void checkPositive(String field, Integer value) {
        if (value != null && value <= 0) {
            throw new InputException("'" + field + "' must be a positive number of tokens, got " + value);
        }
    }
}
