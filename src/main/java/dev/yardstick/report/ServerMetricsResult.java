package dev.yardstick.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The serving engine's own metrics, scraped from its Prometheus endpoint while the run went on: the series of the
 * gauges and counters that explain latency (requests running and waiting, KV-cache use, prefix-cache hits), and the
 * server's TTFT percentiles from its histogram's bucket deltas over the run, beside the client's. The gap between
 * the two TTFTs is what the server does not see: the network, the client, and queueing in front of the engine.
 *
 * @param url            the scraped URL
 * @param server         {@code vllm}, {@code sglang}, {@code tgi}, or {@code unknown} when none of their metrics
 *                       was found
 * @param intervalSeconds the scrape interval
 * @param scrapes        scrapes that answered
 * @param failedScrapes  scrapes that failed (the first failure's reason is in {@code notes})
 * @param points         one per scrape: seconds from the run's start and each known metric's value
 * @param ttft           the server's TTFT beside the client's; null when the server has no TTFT histogram
 * @param notes          what a reader must know (failures, a counter reset, a metric the server lacked)
 */
public record ServerMetricsResult(String url, String server, double intervalSeconds, int scrapes, int failedScrapes,
                                  List<Point> points, TtftBeside ttft, List<String> notes) {

    public ServerMetricsResult {
        points = List.copyOf(points);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** One scrape: {@code second} from the run's start, metric (Yardstick's name) → value. */
    public record Point(double second, Map<String, Double> values) {
        public Point {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values)); // in the engine's order, run after run
        }
    }

    /**
     * TTFT percentiles in ms, the server's (interpolated within its histogram buckets, as Prometheus'
     * {@code histogram_quantile} does) and the client's over the same run.
     *
     * @param serverCount requests the server's histogram counted over the run
     * @param clientCount successful measured requests of the client
     */
    public record TtftBeside(long serverCount, Double serverP50, Double serverP90, Double serverP99,
                             long clientCount, Double clientP50, Double clientP90, Double clientP99) {
    }
}
