package dev.yardstick.report;

import dev.yardstick.provider.ModelClient;
import java.util.OptionalInt;

/**
 * A model as it took part in a run: how its tokens were counted, its context window where known, whether it is
 * synthetic (mock), and the price row its costs used (null when no price is known).
 */
public record ModelInfo(String model, String provider, boolean synthetic, String tokenizer, String tokenSource,
                        Integer contextWindow, PriceUsed price) {

    /**
     * A model as its client took part in a run.
     *
     * @param tokenSource how the run's samples counted tokens ({@code reported} when the server said), which may differ
     *                    from what the client's tokenizer alone would give
     */
    public static ModelInfo of(String label, ModelClient client, String tokenSource, PriceUsed price) {
        return of(label, client, tokenSource, client.contextWindow(), price);
    }

    /** The entry with a context window other than the client's own (a script's, for switch-test). */
    public static ModelInfo of(String label, ModelClient client, String tokenSource, OptionalInt window,
                               PriceUsed price) {
        return new ModelInfo(label, client.spec().provider(), client.synthetic(), client.tokenCounter().name(),
                tokenSource, window.isPresent() ? window.getAsInt() : null, price);
    }
}
