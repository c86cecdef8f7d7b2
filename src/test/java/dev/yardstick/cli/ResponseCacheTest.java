package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackEndpoints;
import dev.yardstick.testing.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare's response cache end to end: the real OpenAI client against a loopback server that counts what it is
 * sent, and a cache directory of the test's own.
 */
class ResponseCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LoopbackEndpoints ENDPOINTS = LoopbackEndpoints.of("lb", Protocol.OPENAI);

    @TempDir
    Path cacheDir;

    private JsonNode compare(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("compare", "--config", ENDPOINTS.config(), "-m", "lb/model-a",
                "-m", "lb/model-b", "-p", "Name three colours.", "--repeat", "2", "--concurrency", "1",
                "--timeout", "10s", "--cache-dir", cacheDir.toString(), "--format", "json"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(LoopbackEndpoints.ENV, null, args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) report).put("_stderr", run.err());
        return report;
    }

    private static List<String> texts(JsonNode report) {
        List<String> texts = new ArrayList<>();
        report.get("samples").forEach(s -> texts.add(s.get("model").asText() + ":" + s.get("text").asText()));
        return texts;
    }

    private static boolean cached(JsonNode sample) {
        return sample.path("flags").toString().contains("\"cached\"");
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> files = Files.walk(cacheDir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    @Test
    void aSecondRunIsServedFromTheCacheAndNotTimed() throws Exception {
        JsonNode first = compare("--temperature", "0");
        assertEquals(4, ENDPOINTS.server().requestCount());
        assertEquals(4, entries().size(), "one entry per model × repetition");
        first.get("samples").forEach(s -> assertFalse(cached(s), s.toString()));
        assertEquals(0, first.at("/run/settings/cache/hits").asInt(), first.at("/run/settings").toString());
        assertEquals(4, first.at("/run/settings/cache/misses").asInt());
        assertTrue(first.get("_stderr").asText().contains("cache: 0 hit(s), 4 miss(es), 4 stored"),
                first.get("_stderr").asText());

        ENDPOINTS.server().reset();
        JsonNode second = compare("--temperature", "0");
        assertEquals(0, ENDPOINTS.server().requestCount(), "nothing sent for cached answers");
        assertEquals(texts(first), texts(second));
        second.get("samples").forEach(s -> {
            assertTrue(cached(s), s.toString());
            assertTrue(s.path("ttftMs").isMissingNode() || s.path("ttftMs").isNull(), s.toString());
        });
        assertEquals(4, second.at("/run/settings/cache/hits").asInt());
        assertEquals(0, second.at("/run/settings/cache/misses").asInt());
        assertTrue(second.get("_stderr").asText().contains("cache: 4 hit(s), 0 miss(es)"),
                second.get("_stderr").asText());
        for (int i = 0; i < 2; i++) {
            JsonNode stats = second.at("/summary/" + i + "/stats");
            assertEquals(2, stats.at("/requests/succeeded").asInt(), "answers count: " + stats);
            assertEquals(0, stats.at("/e2e/count").asInt(), "no latency of a replayed answer: " + stats);
            assertEquals(0, stats.at("/ttft/count").asInt(), stats.toString());
            assertEquals(first.at("/summary/" + i + "/stats/tokens/output").asInt(),
                    stats.at("/tokens/output").asInt(), "tokens recorded as normal: " + stats);
        }
    }

    @Test
    void noCacheSendsEveryRequestAgain() throws Exception {
        compare("--temperature", "0");
        ENDPOINTS.server().reset();
        JsonNode again = compare("--temperature", "0", "--no-cache");
        assertEquals(4, ENDPOINTS.server().requestCount());
        again.get("samples").forEach(s -> assertFalse(cached(s), s.toString()));
        assertTrue(again.at("/run/settings/cache").isMissingNode(), again.at("/run/settings").toString());
    }

    @Test
    void sampledAnswersAreCachedOnlyWhenAsked() throws Exception {
        compare("--temperature", "0.7");
        assertEquals(0, entries().size(), "temperature > 0 without a seed is not cached by default");
        ENDPOINTS.server().reset();
        JsonNode again = compare("--temperature", "0.7");
        assertEquals(4, ENDPOINTS.server().requestCount());
        assertEquals(4, again.at("/run/settings/cache/notCacheable").asInt());

        compare("--temperature", "0.7", "--cache", "always");
        ENDPOINTS.server().reset();
        compare("--temperature", "0.7", "--cache", "always");
        assertEquals(0, ENDPOINTS.server().requestCount(), "--cache always replays sampled answers");
    }

    @Test
    void aCorruptEntryIsAMissAndIsReplaced() throws Exception {
        JsonNode first = compare("--temperature", "0");
        Path damaged = entries().get(0);
        Files.writeString(damaged, "{\"key\": \"trunc");
        ENDPOINTS.server().reset();
        JsonNode second = compare("--temperature", "0");
        assertEquals(1, ENDPOINTS.server().requestCount(), "only the damaged entry is asked again");
        assertEquals(1, second.at("/run/settings/cache/misses").asInt());
        assertEquals(texts(first), texts(second));
        assertTrue(JSON.readTree(damaged.toFile()).has("text"), "the live answer replaced it");
    }

    @Test
    void failedRequestsAreNotCachedAndNoEntryHoldsTheKey() throws Exception {
        ENDPOINTS.server().behavior(Behavior.DEFAULT.failing(500));
        CliRun failed = CliRun.of(LoopbackEndpoints.ENV, null, "compare", "--config", ENDPOINTS.config(), "-m",
                "lb/model-a", "-p", "hi", "--temperature", "0", "--cache-dir", cacheDir.toString(), "--format",
                "json");
        assertEquals(0, entries().size(), failed.err());

        ENDPOINTS.server().behavior(Behavior.DEFAULT);
        compare("--temperature", "0");
        String key = LoopbackEndpoints.ENV.get("LOOPBACK_KEY");
        for (Path entry : entries()) {
            String content = Files.readString(entry);
            assertFalse(content.contains(key), entry + " holds the API key");
            assertTrue(content.contains("model-a") || content.contains("model-b"), content);
        }
    }

    @Test
    void theMockProviderIsCachedThroughTheCli() throws Exception {
        String[] args = {"compare", "-m", "mock/fast", "-p", "hi", "--repeat", "2", "--temperature", "0",
                "--cache-dir", cacheDir.toString(), "--format", "json"};
        CliRun first = CliRun.of(args);
        assertEquals(0, first.exitCode(), first.err());
        CliRun second = CliRun.of(args);
        assertEquals(0, second.exitCode(), second.err());
        JsonNode report = JSON.readTree(second.out());
        assertEquals(2, report.at("/run/settings/cache/hits").asInt(), report.at("/run/settings").toString());
        report.get("samples").forEach(s -> assertTrue(cached(s), s.toString()));
        assertEquals(JSON.readTree(first.out()).at("/samples/1/text"), report.at("/samples/1/text"));
    }

    @Test
    void benchmarkOffersNoCache() {
        CliRun run = CliRun.of("benchmark", "-m", "mock/fast", "--requests", "1", "--no-cache");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("--no-cache"), run.err());
    }
}
