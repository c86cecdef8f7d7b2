package dev.yardstick.cost.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.cost.workload.RunEvidence.ModelRun;
import dev.yardstick.provider.tokens.TokenCounters;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunEvidenceTest {

    /** A compare run of one prompt, "tiktoken is great!", answered "hello world" twice; one request failed. */
    private static RunEvidence compareRun() {
        ModelRun tiny = new ModelRun("local/tiny", 3, 2, 14, 6, List.of(TokenBucket.of(7, 3), TokenBucket.of(7, 3)),
                Duration.ofNanos(812_500_000), 0.75, null, "counted, llama.cpp");
        PromptSample asked = new PromptSample("tiktoken is great!", null, "hello world", 1.0);
        return new RunEvidence("run.json", List.of(tiny), List.of(asked, asked));
    }

    @Test
    void theRunsOwnModelKeepsItsCountsAndOthersRecountTheTexts() {
        RunEvidence run = compareRun();
        assertEquals(2, run.succeeded(), "failed requests carry no workload");
        TokenProfile own = run.workload().profileFor("local/tiny", TokenCounters::forModel);
        assertEquals(7, own.meanInput(), 1e-12);
        assertEquals(3, own.meanOutput(), 1e-12);
        assertEquals("observed in run.json (counted, llama.cpp)", own.basis());
        // The prompt and the answer counted with cl100k: "tiktoken is great!" is 6 tokens, "hello world" 2.
        TokenProfile gpt4 = run.workload().profileFor("openai/gpt-4", TokenCounters::forModel);
        assertEquals(6, gpt4.meanInput(), 1e-12);
        assertEquals(2, gpt4.meanOutput(), 1e-12);
        assertEquals("counted (jtokkit:cl100k_base) from the run's texts", gpt4.basis());
    }

    @Test
    void evidenceIsTheP95LatencyAndThePassRateNamingTheReport() {
        ModelEvidence evidence = compareRun().evidence().get("local/tiny");
        assertEquals(Duration.ofNanos(812_500_000), evidence.p95Latency());
        assertEquals(0.75, evidence.passRate(), 1e-12);
        assertEquals("run.json", evidence.source());
        assertEquals(List.of("local/tiny"), compareRun().models());
    }

    @Test
    void aRunWithOnlyTotalsGivesEachModelsMeanAndThePooledMeansToOthers() {
        ModelRun mini = new ModelRun("openai/gpt-5-mini", 5, 4, 4000, 800, List.of(), null, null, 0.02, "reported");
        ModelRun other = new ModelRun("mistral/small", 4, 4, 2000, 400, List.of(), null, null, null, "reported");
        RunEvidence run = new RunEvidence("bench.json", List.of(mini, other), null);
        TokenProfile profile = run.workload().profileFor("openai/gpt-5-mini", TokenCounters::forModel);
        assertEquals(1000, profile.meanInput(), 1e-12);
        assertEquals(200, profile.meanOutput(), 1e-12);
        assertEquals("observed in bench.json (mean per request)", profile.basis());
        // No texts to recount: another model gets the two means weighted by their requests, (4×1000 + 4×500) / 8.
        TokenProfile pooled = run.workload().profileFor("anthropic/claude-haiku-4-5", TokenCounters::forModel);
        assertEquals(750, pooled.meanInput(), 1e-12);
        assertEquals(150, pooled.meanOutput(), 1e-12);
        assertEquals("observed in bench.json (mean per request, their tokenizers)", pooled.basis());
        ModelEvidence evidence = run.evidence().get("openai/gpt-5-mini");
        assertNull(evidence.p95Latency(), "nothing measured");
        assertNull(evidence.passRate(), "no checks");
        assertEquals(0.02, run.byModel().get("openai/gpt-5-mini").costUsd(), 1e-12);
    }

    @Test
    void theScenarioKeepsItsCacheSharesAndTakesTheRunsTokens() {
        Scenario assumed = new Scenario("bot", null, List.of("openai/gpt-5-mini"), Volume.perDay(100, 0, 30),
                new Workload.Fixed(TokenProfile.mean(1, 1)), new Shares(0.3, 0, 0), 24);
        Scenario observed = compareRun().applyTo(assumed);
        assertEquals(0.3, observed.shares().cache(), 1e-12);
        assertEquals(7, observed.workload().profileFor("local/tiny", TokenCounters::forModel).meanInput(), 1e-12);
    }

    @Test
    void aRunWithoutOneAnsweredRequestHasNoTokensToGive() {
        ModelRun failed = new ModelRun("openai/gpt-5-mini", 3, 0, 0, 0, List.of(), null, null, null, "reported");
        RunEvidence run = new RunEvidence("failed.json", List.of(failed), null);
        InputException e = assertThrows(InputException.class, run::workload);
        assertEquals("failed.json: the report has no successful requests to take tokens from", e.getMessage());
        assertTrue(run.evidence().containsKey("openai/gpt-5-mini"), "still evidence: it was measured failing");
    }
}
