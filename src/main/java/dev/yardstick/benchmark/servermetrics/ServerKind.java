package dev.yardstick.benchmark.servermetrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The serving engines whose Prometheus metrics Yardstick knows, each metric under one name of ours so reports line
 * up across engines: {@code running}, {@code waiting} (queued requests), {@code kv_cache_usage} (a fraction), the
 * prefix cache's {@code prefix_cache_hits}/{@code prefix_cache_queries} (counters) or {@code cache_hit_rate} (TGI's
 * current batch counts as running). Where an engine renamed a metric, every name it has used is listed, newest first.
 */
enum ServerKind {

    VLLM("vllm", Map.of(
            "running", List.of("vllm:num_requests_running"),
            "waiting", List.of("vllm:num_requests_waiting"),
            "kv_cache_usage", List.of("vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc"),
            "prefix_cache_hits", List.of("vllm:prefix_cache_hits_total", "vllm:gpu_prefix_cache_hits_total"),
            "prefix_cache_queries", List.of("vllm:prefix_cache_queries_total",
                    "vllm:gpu_prefix_cache_queries_total")),
            "vllm:time_to_first_token_seconds"),
    SGLANG("sglang", Map.of(
            "running", List.of("sglang:num_running_reqs"),
            "waiting", List.of("sglang:num_queue_reqs"),
            "kv_cache_usage", List.of("sglang:token_usage"),
            "cache_hit_rate", List.of("sglang:cache_hit_rate")),
            "sglang:time_to_first_token_seconds"),
    TGI("tgi", Map.of(
            "waiting", List.of("tgi_queue_size"),
            "running", List.of("tgi_batch_current_size")),
            null);

    /** TGI's histogram of the time a request waited in its queue, reported as a mean over the run. */
    static final String TGI_QUEUE_DURATION = "tgi_request_queue_duration";

    private final String label;
    private final Map<String, List<String>> metrics;
    private final String ttftHistogram;

    ServerKind(String label, Map<String, List<String>> metrics, String ttftHistogram) {
        this.label = label;
        this.metrics = new LinkedHashMap<>(metrics);
        this.ttftHistogram = ttftHistogram;
    }

    String label() {
        return label;
    }

    /** The server's TTFT histogram's name (without {@code _bucket}), null when it keeps none. */
    String ttftHistogram() {
        return ttftHistogram;
    }

    /** Our name → the value of the first of the engine's names the exposition has, summed over label sets. */
    Map<String, Double> values(Exposition exposition) {
        Map<String, Double> values = new LinkedHashMap<>();
        metrics.forEach((ours, theirs) -> theirs.stream().filter(exposition::has).findFirst()
                .ifPresent(name -> values.put(ours, exposition.sum(name))));
        return values;
    }

    /** The engine whose metrics the exposition holds, null when it holds none of them. */
    static ServerKind detect(Exposition exposition) {
        for (ServerKind kind : values()) {
            boolean any = kind.metrics.values().stream().flatMap(List::stream).anyMatch(exposition::has)
                    || kind.ttftHistogram != null && exposition.has(kind.ttftHistogram + "_bucket");
            if (any) {
                return kind;
            }
        }
        return null;
    }
}
