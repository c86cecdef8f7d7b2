package dev.yardstick.cost.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.provider.tokens.TokenCounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        Path file = dir.resolve("run.json");
        Files.writeString(file, json);
        return file;
    }

    private static final String COMPARE = """
            {"run": {"command": "compare"},
             "models": [{"model": "local/tiny", "tokenizer": "llama.cpp", "tokenSource": "counted"}],
             "prompts": [{"id": "p1", "prompt": "tiktoken is great!", "messages": 1}],
             "samples": [
               {"model": "local/tiny", "promptId": "p1", "ok": true, "text": "hello world",
                "tokens": {"input": 7, "output": 3, "cachedInput": 0}},
               {"model": "local/tiny", "promptId": "p1", "ok": true, "text": "hello world",
                "tokens": {"input": 7, "output": 3, "cachedInput": 0}},
               {"model": "local/tiny", "promptId": "p1", "ok": false, "text": "",
                "tokens": {"input": 7, "output": 0, "cachedInput": 0}}],
             "summary": [{"model": "local/tiny", "checksPassed": 3, "checksTotal": 4,
                          "stats": {"e2e": {"unit": "ms", "count": 2, "p95": 812.5}}}]}
            """;

    @Test
    void theRunsOwnModelKeepsItsCountsAndOthersRecountTheTexts() throws Exception {
        RunReport run = RunReport.read(write(COMPARE));
        assertEquals(2, run.requests(), "failed requests carry no workload");
        TokenProfile own = run.workload().profileFor("local/tiny", TokenCounters::forModel);
        assertEquals(7, own.meanInput(), 1e-12);
        assertEquals(3, own.meanOutput(), 1e-12);
        assertTrue(own.basis().startsWith("observed in run.json (counted, llama.cpp)"), own.basis());
        // The prompt and the answer counted with cl100k: "tiktoken is great!" is 6 tokens, "hello world" 2.
        TokenProfile gpt4 = run.workload().profileFor("openai/gpt-4", TokenCounters::forModel);
        assertEquals(6, gpt4.meanInput(), 1e-12);
        assertEquals(2, gpt4.meanOutput(), 1e-12);
        assertEquals("counted (jtokkit:cl100k_base) from the run's texts", gpt4.basis());
    }

    @Test
    void evidenceIsTheP95LatencyAndThePassRate() throws Exception {
        ModelEvidence evidence = RunReport.read(write(COMPARE)).evidence().get("local/tiny");
        assertEquals(Duration.ofNanos(812_500_000), evidence.p95Latency());
        assertEquals(0.75, evidence.passRate(), 1e-12);
        assertEquals("run.json", evidence.source());
    }

    @Test
    void aReportWithoutSamplesGivesEachModelsMeanFromItsTotals() throws Exception {
        RunReport run = RunReport.read(write("""
                {"summary": [{"model": "openai/gpt-5-mini", "checksTotal": 0,
                  "stats": {"requests": {"succeeded": 4}, "tokens": {"input": 4000, "output": 800, "cachedInput": 1000},
                            "e2e": {"unit": "ms", "count": 0}}}]}
                """));
        TokenProfile profile = run.workload().profileFor("openai/gpt-5-mini", TokenCounters::forModel);
        assertEquals(1000, profile.meanInput(), 1e-12);
        assertEquals(200, profile.meanOutput(), 1e-12);
        assertEquals(0.25, run.cacheShare(), 1e-12);
        assertEquals(1000, run.workload().profileFor("anthropic/claude-haiku-4-5", TokenCounters::forModel)
                .meanInput(), 1e-12, "no texts to recount: the observed counts stand");
        ModelEvidence evidence = run.evidence().get("openai/gpt-5-mini");
        assertNull(evidence.p95Latency(), "nothing measured");
        assertNull(evidence.passRate(), "no checks");
    }

    @Test
    void notAReportIsOneLineNamingTheFile() throws Exception {
        Path file = write("{\"prices\": []}");
        InputException e = assertThrows(InputException.class, () -> RunReport.read(file));
        assertEquals(file + ": field 'summary': missing: not a compare or benchmark report", e.getMessage());
        Path broken = write("{\"summary\": [");
        assertTrue(assertThrows(InputException.class, () -> RunReport.read(broken)).getMessage()
                .startsWith(broken + ":1: not a JSON report"));
    }
}
