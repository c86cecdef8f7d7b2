package dev.yardstick.stats;

/**
 * One model's latency without its retries: the answering try alone, from its own send (plus any wait for a slot
 * before the first try), as if the earlier tries and the waits between them had not happened. The report's main
 * figures keep the user's view: from the first try's start to the final answer.
 *
 * @param model   the model's label
 * @param retried successful requests that took more than one try
 * @param e2e     E2E of the answering try, every successful request
 * @param ttft    TTFT of the answering try, every successful request
 */
public record RetryFreeLatency(String model, long retried, MetricSummary e2e, MetricSummary ttft) {

    public static final String E2E_FORMULA = "E2E without retries: the answering try's send → last content byte"
            + " (earlier tries and backoff waits left out; successful requests)";
    public static final String TTFT_FORMULA = "TTFT without retries: the answering try's send → first content chunk"
            + " (earlier tries and backoff waits left out; successful requests)";
}
