package dev.yardstick.benchmark.servermetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void readsSamplesLabelsEscapesAndSpecialValues() throws Exception {
        List<PrometheusText.Sample> samples = PrometheusText.parse("""
                # HELP x A metric.
                # TYPE x gauge
                x 1
                y{a="1", b="with \\"quotes\\" and \\\\ and \\n"} -2.5e-3 1700000000000
                z_bucket{le="+Inf"} +Inf
                w NaN

                """);
        assertEquals(4, samples.size());
        assertEquals(new PrometheusText.Sample("x", Map.of(), 1), samples.get(0));
        assertEquals("with \"quotes\" and \\ and \n", samples.get(1).labels().get("b"));
        assertEquals(-0.0025, samples.get(1).value());
        assertEquals(Double.POSITIVE_INFINITY, samples.get(2).value());
        assertTrue(Double.isNaN(samples.get(3).value()));
    }

    @Test
    void aLineThatIsNotASampleIsAnErrorNamingIt() {
        for (String bad : List.of("x{a=\"1\" 1", "x{a=1} 1", "x one", "{a=\"1\"} 1", "x 1 2 3", "x{a=\"\\q\"} 1")) {
            PrometheusText.MalformedException e = assertThrows(PrometheusText.MalformedException.class,
                    () -> PrometheusText.parse("ok 1\n" + bad));
            assertTrue(e.getMessage().startsWith("line 2: "), e.getMessage());
        }
    }

    @Test
    void knowsEachEngineByItsMetricsAndSumsOverLabelSets() throws Exception {
        Exposition vllm = new Exposition(PrometheusText.parse(Expositions.vllm(1)
                + "vllm:num_requests_running{engine=\"1\",model_name=\"m\"} 2\n"));
        assertEquals(ServerKind.VLLM, ServerKind.detect(vllm));
        Map<String, Double> values = ServerKind.VLLM.values(vllm);
        assertEquals(10, values.get("running"), "8 + 2 over two engines");
        assertEquals(0.42, values.get("kv_cache_usage"));
        Exposition older = new Exposition(PrometheusText.parse("vllm:gpu_cache_usage_perc 0.7\n"));
        assertEquals(0.7, ServerKind.VLLM.values(older).get("kv_cache_usage"), "the name before vLLM 0.10");
        assertEquals(ServerKind.SGLANG, ServerKind.detect(new Exposition(PrometheusText.parse(Expositions.sglang(1)))));
        assertEquals(ServerKind.TGI, ServerKind.detect(new Exposition(PrometheusText.parse(Expositions.tgi(1)))));
        assertEquals(null, ServerKind.detect(new Exposition(PrometheusText.parse("process_cpu_seconds_total 3\n"))));
    }

    @Test
    void quantilesInterpolateWithinBucketDeltasAsHistogramQuantileDoes() throws Exception {
        String h = "vllm:time_to_first_token_seconds";
        Exposition.Buckets before = new Exposition(PrometheusText.parse(Expositions.ttftBuckets(h, "m=\"a\"", false)))
                .buckets(h);
        Exposition.Buckets after = new Exposition(PrometheusText.parse(Expositions.ttftBuckets(h, "m=\"a\"", true)))
                .buckets(h);
        Exposition.Buckets run = after.minus(before);
        assertEquals(100, run.count());
        assertEquals(0.05, run.quantile(0.5), 1e-12);
        assertEquals(0.1, run.quantile(0.9), 1e-12);
        assertEquals(0.235, run.quantile(0.99), 1e-12);
        assertTrue(before.minus(after).negative(), "a histogram that went down: a restart");
    }
}
