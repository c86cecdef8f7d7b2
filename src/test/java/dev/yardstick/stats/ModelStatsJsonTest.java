package dev.yardstick.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.engine.ErrorClass;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.yardstick.stats.SampleBuilder.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Shards travel between machines as JSON reports: the stats must survive the trip and still merge exactly. */
class ModelStatsJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void statsSurviveJsonAndMergeAfterwards() throws Exception {
        MetricsRecorder recorder = new MetricsRecorder(SloSet.parse("ttft=200ms"), Instant.parse("2026-01-01T00:00:00Z"));
        recorder.record(sample().ttft(150).e2e(900).gaps(10, 20).reported(30, 12).build());
        recorder.record(sample().failed(ErrorClass.TIMEOUT).build());
        recorder.record(sample().ttft(300).e2e(400).reported(30, 1).build());
        ModelStats stats = recorder.snapshot().getFirst();

        String text = json.writeValueAsString(stats);
        assertFalse(text.contains("metrics"), "only the record's components are written");
        ModelStats back = json.readValue(text, ModelStats.class);
        assertEquals(stats, back);

        ModelStats twice = StatsMerger.merge(List.of(back), List.of(stats)).getFirst();
        assertEquals(2 * stats.requests().attempted(), twice.requests().attempted());
        assertEquals(2 * stats.metric(Metric.TTFT).count(), twice.metric(Metric.TTFT).count());
        assertEquals(stats.metric(Metric.TTFT).p50(), twice.metric(Metric.TTFT).p50());

        MetricSummary empty = MetricSummary.of(Metric.ITL, "f", new Histogram(3));
        assertEquals(empty, json.readValue(json.writeValueAsString(empty), MetricSummary.class), "NaN survives");
    }
}
