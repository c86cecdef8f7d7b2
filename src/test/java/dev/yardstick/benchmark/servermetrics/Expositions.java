package dev.yardstick.benchmark.servermetrics;

/** Expositions as vLLM, SGLang and TGI write them, with a TTFT histogram that moves between scrapes. */
final class Expositions {

    private Expositions() {
    }

    /**
     * Before the run 10 requests, all within 25 ms; during it 100 more: 50 in (25, 50] ms, 40 in (50, 100], 10 in
     * (100, 250]. Over the run: p50 50 ms, p90 100 ms, p99 235 ms (interpolated within buckets).
     */
    static String ttftBuckets(String histogram, String labels, boolean after) {
        long[] before = {0, 10, 10, 10, 10, 10};
        long[] during = {0, 0, 50, 90, 100, 100};
        String[] le = {"0.01", "0.025", "0.05", "0.1", "0.25", "+Inf"};
        StringBuilder text = new StringBuilder("# HELP " + histogram + " Histogram of time to first token in seconds.\n"
                + "# TYPE " + histogram + " histogram\n");
        for (int i = 0; i < le.length; i++) {
            text.append(histogram).append("_bucket{").append(labels).append(",le=\"").append(le[i]).append("\"} ")
                    .append(before[i] + (after ? during[i] : 0)).append(".0\n");
        }
        long count = 10 + (after ? 100 : 0);
        text.append(histogram).append("_count{").append(labels).append("} ").append(count).append(".0\n");
        text.append(histogram).append("_sum{").append(labels).append("} 1.5\n");
        return text.toString();
    }

    static String vllm(int scrape) {
        String labels = "engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"";
        return "# HELP vllm:num_requests_running Number of requests in model execution batches.\n"
                + "# TYPE vllm:num_requests_running gauge\n"
                + "vllm:num_requests_running{" + labels + "} " + (scrape == 0 ? 0 : 8) + ".0\n"
                + "vllm:num_requests_waiting{" + labels + "} " + (scrape == 0 ? 0 : 3) + ".0\n"
                + "vllm:kv_cache_usage_perc{" + labels + "} " + (scrape == 0 ? "0.0" : "0.42") + "\n"
                + "vllm:prefix_cache_queries_total{" + labels + "} " + (scrape == 0 ? 1000 : 5000) + ".0\n"
                + "vllm:prefix_cache_hits_total{" + labels + "} " + (scrape == 0 ? 0 : 1000) + ".0\n"
                + ttftBuckets("vllm:time_to_first_token_seconds", labels, scrape > 0);
    }

    static String sglang(int scrape) {
        String labels = "model_name=\"qwen\",tp_rank=\"0\"";
        return "# TYPE sglang:num_running_reqs gauge\n"
                + "sglang:num_running_reqs{" + labels + "} " + (scrape == 0 ? 0 : 5) + "\n"
                + "sglang:num_queue_reqs{" + labels + "} " + (scrape == 0 ? 0 : 2) + "\n"
                + "sglang:token_usage{" + labels + "} 0.25\n"
                + "sglang:cache_hit_rate{" + labels + "} 0.5\n"
                + ttftBuckets("sglang:time_to_first_token_seconds", labels, scrape > 0);
    }

    static String tgi(int scrape) {
        return "# TYPE tgi_queue_size gauge\n"
                + "tgi_queue_size " + (scrape == 0 ? 0 : 4) + "\n"
                + "tgi_batch_current_size " + (scrape == 0 ? 0 : 6) + "\n"
                + "tgi_request_queue_duration_bucket{le=\"0.1\"} " + (scrape == 0 ? 0 : 20) + "\n"
                + "tgi_request_queue_duration_bucket{le=\"+Inf\"} " + (scrape == 0 ? 0 : 20) + "\n"
                + "tgi_request_queue_duration_sum " + (scrape == 0 ? 0 : 0.6) + "\n"
                + "tgi_request_queue_duration_count " + (scrape == 0 ? 0 : 20) + "\n";
    }
}
