package dev.yardstick.stats;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything measured for one model. Rates are per second of the measurement {@link Window}; an undefined figure
 * (no requests, an empty window) is NaN. Latency distributions cover successful requests only; failures count in
 * the error rate, the window and goodput's denominator, never in latencies or throughput.
 *
 * @param model                 the model's label, {@code provider/model}
 * @param requests              request and error counts
 * @param errorRate             failed / attempted (a fraction)
 * @param window                the measurement window in epoch microseconds
 * @param windowSeconds         its length
 * @param requestThroughput     successes / window seconds ({@link #THROUGHPUT_FORMULA})
 * @param outputTokensPerSecond output tokens of successes / window seconds ({@link #OUTPUT_TPS_FORMULA})
 * @param goodput               successes that met every SLO / window seconds ({@link #GOODPUT_FORMULA})
 * @param sloAttainment         successes that met every SLO / attempted, a fraction ({@link #SLO_ATTAINMENT_FORMULA})
 * @param slo                   the SLOs goodput used, {@link SloSet#text()}
 * @param tokens                token sums of successes and where the counts came from
 * @param summaries             every {@link Metric}'s distribution; in JSON each is a field of its own, named
 *                              {@link Metric#field()}, in {@link Metric} order ({@link ModelStatsJson})
 * @param flags                 successes counted apart: bursts, answers shorter than asked
 */
@JsonSerialize(using = ModelStatsJson.Writer.class)
@JsonDeserialize(using = ModelStatsJson.Reader.class)
public record ModelStats(String model, RequestCounts requests, double errorRate, Window window,
                         double windowSeconds, double requestThroughput, double outputTokensPerSecond,
                         double goodput, double sloAttainment, String slo, TokenTotals tokens,
                         Map<Metric, MetricSummary> summaries, RequestFlags flags) {

    public ModelStats {
        EnumMap<Metric, MetricSummary> present = new EnumMap<>(Metric.class);
        if (summaries != null) {
            summaries.forEach((metric, summary) -> {
                if (summary != null) {
                    present.put(metric, summary);
                }
            });
        }
        summaries = Collections.unmodifiableMap(present);
        flags = flags == null ? RequestFlags.NONE : flags; // reports written before flags were kept
    }

    public static final String WINDOW_FORMULA = "Window: first counted request's scheduled start → last counted"
            + " request's end (warm-up excluded, failed requests included)";
    public static final String THROUGHPUT_FORMULA = "Request throughput: successful requests / window";
    public static final String OUTPUT_TPS_FORMULA = "Output tokens/s: output tokens of successful requests / window";
    public static final String GOODPUT_FORMULA = "Goodput: successful requests meeting every SLO / window"
            + " (an errored request never meets an SLO)";
    public static final String SLO_ATTAINMENT_FORMULA = "SLO attainment: successful requests meeting every SLO"
            + " / attempted (failed requests count as missing it)";
    public static final String MERGED_RATES_FORMULA = "Merged shards: each rate is the sum of the shards' own rates"
            + " (each shard's figure over its own window), so shards that ran at different times are not diluted by"
            + " the time between them";
    public static final String ERROR_RATE_FORMULA = "Error rate: failed / attempted (warm-up excluded)";

    /**
     * Builds the stats from their parts, deriving the rates. The one place rates are computed, for a recorder's
     * snapshot and for merged shards alike.
     */
    static ModelStats of(String model, RequestCounts requests, TokenTotals tokens, Window window, String slo,
                         Map<Metric, MetricSummary> summaries, RequestFlags flags) {
        double seconds = window.seconds();
        return of(model, requests, tokens, window, slo, summaries, flags, ratio(requests.succeeded(), seconds),
                ratio(tokens.output(), seconds), ratio(requests.metSlo(), seconds));
    }

    /** The stats with rates given (merged shards add theirs) rather than derived from the window. */
    static ModelStats of(String model, RequestCounts requests, TokenTotals tokens, Window window, String slo,
                         Map<Metric, MetricSummary> summaries, RequestFlags flags, double throughput,
                         double outputTokensPerSecond, double goodput) {
        return new ModelStats(model, requests, ratio(requests.failed(), requests.attempted()), window,
                window.seconds(), throughput, outputTokensPerSecond, goodput,
                ratio(requests.metSlo(), requests.attempted()), slo, tokens, independent(summaries, requests), flags);
    }

    /** Values that come several per request move together: their intervals count requests, not values. */
    private static Map<Metric, MetricSummary> independent(Map<Metric, MetricSummary> summaries,
                                                          RequestCounts requests) {
        Map<Metric, MetricSummary> out = new EnumMap<>(Metric.class);
        summaries.forEach((metric, summary) -> out.put(metric, summary == null ? null
                : summary.withIndependentValues(requests.succeeded())));
        return out;
    }

    private static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : Double.NaN;
    }

    /** One metric's distribution; null only in a report written without it. */
    public MetricSummary metric(Metric metric) {
        return summaries.get(metric);
    }

    /** Every distribution, in {@link Metric} order. */
    public List<MetricSummary> metrics() {
        return List.copyOf(summaries.values());
    }

    /**
     * The distributions a report shows: every one but those only some streams give ({@link Metric#onlyWhenRecorded},
     * TTFO and reasoning tokens) where no request gave a value.
     */
    public List<MetricSummary> shownMetrics() {
        return summaries.values().stream().filter(m -> m.count() > 0 || !m.metric().onlyWhenRecorded()).toList();
    }
}
