package dev.yardstick.report;

/**
 * A model as it took part in a run: how its tokens were counted, its context window where known, whether it is
 * synthetic (mock), and the price row its costs used (null when no price is known).
 */
public record ModelInfo(String model, String provider, boolean synthetic, String tokenizer, String tokenSource,
                        Integer contextWindow, PriceUsed price) {
}
