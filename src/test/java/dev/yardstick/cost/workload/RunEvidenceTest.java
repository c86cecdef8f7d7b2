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

    /** The mean tokens per request {@code model} is costed with, and the basis the report names. */
    private static void assertProfile(RunEvidence run, String model, double input, double output, String basis) {
        TokenProfile profile = run.workload().profileFor(model, TokenCounters::forModel);
        assertEquals(input, profile.meanInput(), 1e-12, model);
        assertEquals(output, profile.meanOutput(), 1e-12, model);
        assertEquals(basis, profile.basis());
    }

    @Test
    void theRunsOwnModelKeepsItsCountsAndOthersRecountTheTexts() {
        RunEvidence run = compareRun();
        assertEquals(2, run.succeeded(), "failed requests carry no workload");
        assertProfile(run, "local/tiny", 7, 3, "observed in run.json (counted, llama.cpp)");
        // The prompt and the answer counted with cl100k: "tiktoken is great!" is 6 tokens, "hello world" 2.
        assertProfile(run, "openai/gpt-4", 6, 2, "counted (jtokkit:cl100k_base) from the run's texts");
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
        assertProfile(run, "openai/gpt-5-mini", 1000, 200, "observed in bench.json (mean per request)");
        // No texts to recount: another model gets the two means weighted by their requests, (4×1000 + 4×500) / 8.
        assertProfile(run, "anthropic/claude-haiku-4-5", 750, 150,
                "observed in bench.json (mean per request, their tokenizers)");
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
