package dev.yardstick.cost.prices;

/** The four per-million-token prices in force for one request, every fallback already applied. */
record Rates(double input, double cachedInput, double cacheWrite, double output) {
}
