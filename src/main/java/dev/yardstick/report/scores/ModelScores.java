package dev.yardstick.report.scores;

/**
 * One model's results over its cases and repetitions. A case × repetition passes when its request succeeded, every
 * check on the answer passed and its case's assertions passed; its score is the assertions' weighted score, else the
 * share of checks passed (1 without either, 0 when the request failed).
 *
 * @param model             the model, prefixed {@code baseline: } when it comes from the baseline report
 * @param cases             the case × repetition results
 * @param repetitions       how many repetitions the spreads are over
 * @param passRate          share of results that passed
 * @param meanScore         mean score
 * @param latencyMs         mean E2E of the successful requests, in ms
 * @param costPerRequestUsd mean cost of a successful request; NaN when not priced
 */
public record ModelScores(String model, int cases, int repetitions, Spread passRate, Spread meanScore,
                          Spread latencyMs, Spread costPerRequestUsd) {
}
