package dev.yardstick.benchmark.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.provider.tokens.TokenCounters;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.WorkloadReport;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import dev.yardstick.testing.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared prefix is identical, byte for byte, across the requests in its share, and only those; the others begin
 * with a prefix of the same length of their own; TTFT is reported for both groups apart.
 */
class SharedPrefixTest {

    @Test
    void theShareBeginsWithTheSamePrefixByteForByteAndTheRestDoesNot() {
        try (LoopbackLlmServer server = LoopbackLlmServer.start()) {
            BenchmarkReport report = WorkloadRuns.run(Map.of("models", "openai/gpt-4o-mini", "base-url",
                    server.baseUrl(Protocol.OPENAI), "requests", 40, "concurrency", 4, "shared-prefix", 200,
                    "prefix-share", "25%", "input-tokens", 30));
            List<String> prompts = server.requests(Protocol.OPENAI).stream()
                    .map(RecordedRequest::messages).map(m -> m.getLast().content()).toList();
            assertEquals(40, prompts.size());
            // The client's own tokenizer (o200k for gpt-4o-mini) measures the prefix: its first 200 tokens.
            var counter = TokenCounters.forModel("gpt-4o-mini");
            List<String> prefixes = new ArrayList<>();
            for (String prompt : prompts) {
                String[] words = prompt.split(" ");
                String head = String.join(" ", List.of(words).subList(0, 200));
                assertEquals(200, counter.count(head), "the prefix is 200 tokens");
                assertEquals(230, counter.count(prompt), "prefix + input tokens");
                prefixes.add(head);
            }
            String shared = prefixes.stream().filter(p -> prefixes.stream().filter(p::equals).count() > 1)
                    .findFirst().orElseThrow();
            assertEquals(10, prefixes.stream().filter(shared::equals).count(), "a quarter of 40 share it");
            prefixes.stream().filter(p -> !p.equals(shared)).forEach(own -> {
                assertEquals(1, prefixes.stream().filter(own::equals).count(), "a cold prefix is its own");
                assertNotEquals(shared.substring(0, 40), own.substring(0, Math.min(40, own.length())));
            });

            WorkloadReport.Prefix prefix = report.workloads().getFirst().prefix();
            assertEquals(200, prefix.tokens());
            assertEquals(0.25, prefix.share());
            assertEquals(10, prefix.eligible().count());
            assertEquals(30, prefix.cold().count());
            assertFalse(Double.isNaN(prefix.eligible().p50Ms()));
        }
    }

    @Test
    void theShareIsExactAndEvenlySpread() {
        var prefix = new dev.yardstick.benchmark.SharedPrefix(16, 0.3);
        int shared = 0;
        for (long i = 0; i < 1000; i++) {
            if (prefix.shares(i)) {
                shared++;
            }
            assertEquals((long) Math.floor((i + 1) * 0.3), shared, "after " + (i + 1));
        }
        assertFalse(prefix.shares(-1), "warm-ups leave the cache cold");
        assertTrue(new dev.yardstick.benchmark.SharedPrefix(16, 1).shares(0));
    }
}
