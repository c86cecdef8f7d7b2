package dev.yardstick.stats;

import dev.yardstick.config.InputException;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the results of shards (runs on several machines, or several runs) exactly: histograms are decoded and
 * added, and every percentile, mean and interval is recomputed from the sum, so the result equals what one run
 * recording every sample would have reported. Counters add; the window runs from the earliest start to the latest
 * end (epoch microseconds, so the shards' clocks must agree).
 */
public final class StatsMerger {

    private StatsMerger() {
    }

    /** One merged {@link ModelStats} per model label, in the order models first appear in the shards. */
    @SafeVarargs
    public static List<ModelStats> merge(List<ModelStats>... shards) {
        Map<String, List<ModelStats>> byModel = new LinkedHashMap<>();
        for (List<ModelStats> shard : shards) {
            for (ModelStats stats : shard) {
                byModel.computeIfAbsent(stats.model(), m -> new ArrayList<>()).add(stats);
            }
        }
        List<ModelStats> out = new ArrayList<>(byModel.size());
        byModel.values().forEach(parts -> out.add(mergeModel(parts)));
        return out;
    }

    /** Merges results of one model. */
    static ModelStats mergeModel(List<ModelStats> parts) {
        ModelStats first = parts.getFirst();
        RequestCounts requests = first.requests();
        TokenTotals tokens = first.tokens();
        Window window = first.window();
        for (ModelStats part : parts.subList(1, parts.size())) {
            if (!part.slo().equals(first.slo())) {
                throw new InputException("cannot merge " + first.model() + ": shards used different SLOs ('"
                        + first.slo() + "' and '" + part.slo() + "'), so their goodput counts differ in meaning");
            }
            requests = requests.plus(part.requests());
            tokens = tokens.plus(part.tokens());
            window = window.union(part.window());
        }
        Map<Metric, MetricSummary> summaries = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            Histogram sum = histogram(first, metric);
            for (ModelStats part : parts.subList(1, parts.size())) {
                sum.add(histogram(part, metric));
            }
            summaries.put(metric, MetricSummary.of(metric, first.metric(metric).formula(), sum));
        }
        return ModelStats.of(first.model(), requests, tokens, window, first.slo(), summaries);
    }

    private static Histogram histogram(ModelStats stats, Metric metric) {
        MetricSummary summary = stats.metric(metric);
        if (summary == null) {
            throw new InputException("cannot merge " + stats.model() + ": its " + metric.key() + " summary is missing");
        }
        return HistogramCodec.decode(summary.histogram());
    }
}
