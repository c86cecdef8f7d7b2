package dev.yardstick.stats;

import dev.yardstick.config.InputException;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Merges the results of shards (runs on several machines, or several runs) exactly: histograms are decoded and
 * added, and every percentile, mean and interval is recomputed from the sum, so the result equals what one run
 * recording every sample would have reported. Counters add; the window runs from the earliest start to the latest
 * end (epoch microseconds, so the shards' clocks must agree). Rates follow the {@link Rule}: never the merged
 * count over the union of windows, which dilutes shards run one after the other with the time between them.
 */
public final class StatsMerger {

    /** How the parts' rates (throughput, output tokens/s, goodput) combine. */
    public enum Rule {
        /** Shards: each part offered a share of one load, so the load's rate is the sum of the parts' rates. */
        SHARDS,
        /** Repeated runs of the whole load: the pooled rate, every part's count over the sum of their windows. */
        REPEATS
    }

    private StatsMerger() {
    }

    /** Shards' results ({@link Rule#SHARDS}), one merged {@link ModelStats} per model label. */
    @SafeVarargs
    public static List<ModelStats> merge(List<ModelStats>... shards) {
        return merge(Rule.SHARDS, List.of(shards));
    }

    /** One merged {@link ModelStats} per model label, in the order models first appear in the parts. */
    public static List<ModelStats> merge(Rule rule, List<List<ModelStats>> parts) {
        Map<String, List<ModelStats>> byModel = new LinkedHashMap<>();
        for (List<ModelStats> part : parts) {
            for (ModelStats stats : part) {
                byModel.computeIfAbsent(stats.model(), m -> new ArrayList<>()).add(stats);
            }
        }
        List<ModelStats> out = new ArrayList<>(byModel.size());
        byModel.values().forEach(same -> out.add(mergeModel(rule, same)));
        return out;
    }

    /** Merges results of one model. */
    static ModelStats mergeModel(Rule rule, List<ModelStats> parts) {
        ModelStats first = parts.getFirst();
        RequestCounts requests = first.requests();
        TokenTotals tokens = first.tokens();
        RequestFlags flags = first.flags();
        Window window = first.window();
        for (ModelStats part : parts.subList(1, parts.size())) {
            if (!part.slo().equals(first.slo())) {
                throw new InputException("cannot merge " + first.model() + ": shards used different SLOs ('"
                        + first.slo() + "' and '" + part.slo() + "'), so their goodput counts differ in meaning");
            }
            requests = requests.plus(part.requests());
            tokens = tokens.plus(part.tokens());
            flags = flags.plus(part.flags());
            window = window.union(part.window());
        }
        Map<Metric, MetricSummary> summaries = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            if (metric.onlyWhenRecorded()) { // a part where no request reasoned has no TTFO to add
                List<MetricSummary> recorded = parts.stream().map(part -> part.metric(metric))
                        .filter(java.util.Objects::nonNull).toList();
                summaries.put(metric, recorded.isEmpty() ? null : sum(recorded));
            } else {
                summaries.put(metric, sum(parts.stream().map(part -> present(part, metric)).toList()));
            }
        }
        return ModelStats.of(first.model(), requests, tokens, window, first.slo(), summaries, flags,
                rate(rule, parts, ModelStats::requestThroughput), rate(rule, parts, ModelStats::outputTokensPerSecond),
                rate(rule, parts, ModelStats::goodput));
    }

    /** The parts' rates combined; parts that counted nothing (an undefined rate) add nothing. NaN when none did. */
    private static double rate(Rule rule, List<ModelStats> parts, ToDoubleFunction<ModelStats> read) {
        double sum = 0;
        double seconds = 0;
        boolean any = false;
        for (ModelStats part : parts) {
            double value = read.applyAsDouble(part);
            if (Double.isNaN(value) || !(part.windowSeconds() > 0)) {
                continue;
            }
            any = true;
            sum += rule == Rule.SHARDS ? value : value * part.windowSeconds();
            seconds += part.windowSeconds();
        }
        if (!any) {
            return Double.NaN;
        }
        return rule == Rule.SHARDS ? sum : sum / seconds;
    }

    /**
     * The parts' latencies without retries, as one: exact, their histograms added. A part in which a model retried
     * nothing has no such figures; its main E2E and TTFT stand in, being the same there. Null when no part retried.
     *
     * @param models each part's statistics, in the order of {@code parts}
     */
    public static List<RetryFreeLatency> mergeRetryFree(List<List<RetryFreeLatency>> parts,
                                                        List<List<ModelStats>> models) {
        if (parts.stream().allMatch(p -> p == null || p.isEmpty())) {
            return null;
        }
        Map<String, List<RetryFreeLatency>> byModel = new LinkedHashMap<>();
        for (int i = 0; i < models.size(); i++) {
            List<RetryFreeLatency> part = parts.get(i) == null ? List.of() : parts.get(i);
            for (ModelStats stats : models.get(i)) {
                RetryFreeLatency own = part.stream().filter(r -> r.model().equals(stats.model())).findFirst()
                        .orElse(new RetryFreeLatency(stats.model(), 0, present(stats, Metric.E2E),
                                present(stats, Metric.TTFT)));
                byModel.computeIfAbsent(stats.model(), m -> new ArrayList<>()).add(own);
            }
        }
        List<RetryFreeLatency> out = new ArrayList<>();
        byModel.forEach((model, same) -> out.add(new RetryFreeLatency(model,
                same.stream().mapToLong(RetryFreeLatency::retried).sum(),
                sum(same.stream().map(RetryFreeLatency::e2e).toList()),
                sum(same.stream().map(RetryFreeLatency::ttft).toList()))));
        return out;
    }

    /** Summaries of one metric as one, from their histograms; the first's formula names it. */
    private static MetricSummary sum(List<MetricSummary> summaries) {
        MetricSummary first = summaries.getFirst();
        Histogram sum = HistogramCodec.decode(first.histogram());
        summaries.subList(1, summaries.size()).forEach(s -> sum.add(HistogramCodec.decode(s.histogram())));
        return MetricSummary.of(first.metric(), first.formula(), sum);
    }

    private static MetricSummary present(ModelStats stats, Metric metric) {
        MetricSummary summary = stats.metric(metric);
        if (summary == null) {
            throw new InputException("cannot merge " + stats.model() + ": its " + metric.key() + " summary is missing");
        }
        return summary;
    }
}
