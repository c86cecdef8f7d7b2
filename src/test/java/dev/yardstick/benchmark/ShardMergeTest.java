package dev.yardstick.benchmark;

import dev.yardstick.cli.BenchmarkOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.provider.OpenedModels;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.ProviderRegistry;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.stats.HistogramCodec;
import dev.yardstick.stats.Metric;
import dev.yardstick.stats.ModelStats;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Two shards of one plan merged equal one run of it: the same requests in every histogram, and the plan's throughput
 * within 2%, whether the shards ran at the same time (rates measured together) or one after the other (rates added,
 * with a warning). An open-loop plan fixes every start time in advance, so the window, and with it the throughput,
 * is the schedule's and not the machine's mood; a fast mock model keeps it short.
 */
class ShardMergeTest {

    private static final java.util.function.Function<java.util.Map<String, Object>, BenchmarkPlan> PLANS =
            settings -> BenchmarkOptions.fromSettings(settings, "test");

    private static final String MODEL = "mock/fast?ttft=5ms&itl=1ms&tokens=3&jitter=0";
    /** 200 requests at 100/s: a 2 s window, which one late request's few milliseconds cannot move by 2%. */
    private static final int REQUESTS = 200;

    private static BenchmarkReport run(String shard) {
        Map<String, Object> settings = new HashMap<>(Map.of("models", List.of(MODEL), "rate", 100.0,
                "requests", REQUESTS, "warmup", "5"));
        if (shard != null) {
            settings.put("shard", shard);
        }
        BenchmarkPlan plan = BenchmarkOptions.fromSettings(settings, "test");
        try (OpenedModels models = ProviderRegistry.create(new ProviderContext(Map.of(), null), List.of(), null)
                .open(plan.models())) {
            return new BenchmarkRun(plan, models, null, failure -> {
                throw new AssertionError(failure.line());
            }).execute(StepObserver.NONE);
        }
    }

    private static BenchmarkReport merge(BenchmarkReport a, BenchmarkReport b) {
        return BenchmarkReports.merge(List.of(new BenchmarkReports.Named("a.json", a),
                new BenchmarkReports.Named("b.json", b)), PLANS);
    }

    private static ModelStats only(BenchmarkReport report) {
        return report.steps().getFirst().models().getFirst();
    }

    @Test
    void twoShardsMergedEqualOneRunOfThePlanWhetherTheyRanTogetherOrApart() throws Exception {
        BenchmarkReport single = run(null);

        FutureTask<BenchmarkReport> first = new FutureTask<>(() -> run("1/2"));
        FutureTask<BenchmarkReport> second = new FutureTask<>(() -> run("2/2"));
        Thread.ofPlatform().start(first);
        Thread.ofPlatform().start(second);
        BenchmarkReport a = first.get(60, TimeUnit.SECONDS);
        BenchmarkReport b = second.get(60, TimeUnit.SECONDS);
        BenchmarkReport together = merge(a, b);
        assertSameRequests(single, a, b, together);
        assertTrue(together.steps().getFirst().warnings().stream()
                .noneMatch(w -> w.contains("did not run at the same time")), together.steps().getFirst().warnings()
                .toString());
        assertThroughputWithin2Percent(only(single), only(together));

        BenchmarkReport c = run("1/2");
        BenchmarkReport d = run("2/2");
        BenchmarkReport apart = merge(c, d);
        assertSameRequests(single, c, d, apart);
        assertTrue(apart.steps().getFirst().warnings().stream().anyMatch(w -> w.contains(
                "The shards did not run at the same time") && w.contains("sums of each shard's own rate")),
                apart.steps().getFirst().warnings().toString());
        assertTrue(apart.document().blocks().toString().contains("did not run at the same time"), "shown in the report");
        ModelStats m = only(apart);
        assertEquals(only(c).requestThroughput() + only(d).requestThroughput(), m.requestThroughput(), 1e-9);
        assertTrue(m.requestThroughput() > 1.5 * m.requests().succeeded() / m.windowSeconds(),
                "not the union window's diluted rate: " + m.requestThroughput() + " vs window " + m.windowSeconds());
        assertThroughputWithin2Percent(only(single), m);
    }

    /** The same requests as the single run, and exactly the shards' histograms added. */
    private static void assertSameRequests(BenchmarkReport single, BenchmarkReport a, BenchmarkReport b,
                                           BenchmarkReport merged) {
        ModelStats one = only(single);
        ModelStats m = only(merged);
        assertEquals(REQUESTS, m.requests().succeeded());
        assertEquals(one.requests().attempted(), m.requests().attempted());
        assertEquals(one.requests().errors(), m.requests().errors());
        assertEquals(10, m.requests().warmupsSkipped(), "each shard warms its own client up");
        assertEquals(one.tokens(), m.tokens());
        for (Metric metric : Metric.values()) {
            if (one.metric(metric) == null) { // TTFO and reasoning tokens: no request reasoned
                assertNull(m.metric(metric), metric.key());
                continue;
            }
            Histogram sum = HistogramCodec.decode(only(a).metric(metric).histogram());
            sum.add(HistogramCodec.decode(only(b).metric(metric).histogram()));
            Histogram got = HistogramCodec.decode(m.metric(metric).histogram());
            assertEquals(sum, got, metric.key() + ": the merge is the shards' histograms added, exactly");
            assertEquals(one.metric(metric).count(), got.getTotalCount(), metric.key() + ": as many values as one run");
        }
        assertFalse(merged.steps().getFirst().partial());
    }

    private static void assertThroughputWithin2Percent(ModelStats single, ModelStats merged) {
        double ratio = merged.requestThroughput() / single.requestThroughput();
        assertTrue(Math.abs(ratio - 1) <= 0.02, "merged " + merged.requestThroughput() + " req/s vs one run "
                + single.requestThroughput() + " req/s");
        assertEquals(single.outputTokensPerSecond(), merged.outputTokensPerSecond(),
                single.outputTokensPerSecond() * 0.02);
    }
}
