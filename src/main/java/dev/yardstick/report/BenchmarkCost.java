package dev.yardstick.report;

/**
 * What one model's requests at one step cost, from the price catalog {@code cost-analyze} uses, at the tokens and
 * the throughput measured: per request (the mean request's input and output tokens), per 1,000 requests, and per
 * hour at the step's request throughput (plus the machine's hourly price where the row has one).
 *
 * @param price        the row used (model id, source, date); null when the model has no price
 * @param perRequest   USD; null without a price
 * @param perThousand  USD; null without a price
 * @param perHour      USD at the measured throughput; null without a price or throughput
 * @param note         why a figure is missing or zero, null when none is
 */
public record BenchmarkCost(String step, String model, PriceUsed price, double meanInputTokens,
                            double meanOutputTokens, double throughput, Double perRequest, Double perThousand,
                            Double perHour, String note) {
}
