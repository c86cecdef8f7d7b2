package dev.yardstick.cost.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.ModelConfig;
import dev.yardstick.config.PriceConfig;
import dev.yardstick.config.YardstickConfig;
import dev.yardstick.cost.prices.PriceCatalog;
import dev.yardstick.cost.prices.PriceOrigin;
import dev.yardstick.cost.prices.PriceRow;
import dev.yardstick.cost.prices.TestRows;
import dev.yardstick.cost.workload.ModelEvidence;
import dev.yardstick.cost.workload.Scenario;
import dev.yardstick.cost.workload.Shares;
import dev.yardstick.cost.workload.TokenBucket;
import dev.yardstick.cost.workload.TokenProfile;
import dev.yardstick.cost.workload.Volume;
import dev.yardstick.cost.workload.Workload;
import dev.yardstick.provider.tokens.TokenCounters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostAnalysisTest {

    private static final double EPS = 1e-9;

    // haiku-like: 1.00 in, 0.10 cache read, 1.25 cache write, 5.00 out, batch 50% off.
    private final PriceRow haiku = TestRows.row("anthropic/claude-haiku-4-5", 1.0, 0.10, 1.25, 5.0, 0.5);
    // A: 1.00 in, 0.50 cached, 2.00 out.  B: 2.00 in, 0.20 cached, 2.00 out.  C: 0.10 in, 0.40 out.
    private final PriceRow a = TestRows.withContext(TestRows.row("openai/a", 1.0, 0.5, null, 2.0, null), 400_000, null);
    private final PriceRow b = TestRows.withContext(TestRows.row("openai/b", 2.0, 0.2, null, 2.0, null), 400_000, null);
    private final PriceRow c = TestRows.withContext(TestRows.row("mistral/c", 0.1, null, null, 0.4, null), 32_000,
            4_096);

    private static Scenario scenario(Volume volume, TokenProfile tokens, Shares shares, List<String> models) {
        return new Scenario("s", null, models, volume, new Workload.Fixed(tokens), shares, 24);
    }

    private CostAnalysis analysis(PriceRow... rows) {
        return new CostAnalysis(PriceCatalog.of(List.of(rows), List.of(), YardstickConfig.EMPTY),
                TokenCounters::forModel);
    }

    @Test
    void scenarioCostMixesCacheSharesAndBatchShareByHand() {
        Scenario s = scenario(Volume.perDay(1_000, 0, 30), TokenProfile.mean(2_000, 500),
                new Shares(0.5, 0.1, 0.2), List.of());
        ScenarioCost cost = ScenarioCosting.cost(s, haiku, TokenProfile.mean(2_000, 500));
        // One request sent normally: 800 uncached × 1.00 + 1,000 cached × 0.10 + 200 written × 1.25 + 500 out × 5,
        // per 1M = 0.0008 + 0.0001 + 0.00025 + 0.0025 = 0.00365; through the batch API half: 0.001825.
        // 80% normal, 20% batch: 0.8 × 0.00365 + 0.2 × 0.001825 = 0.003285 per request.
        assertEquals(0.003285, cost.perRequest(), EPS);
        assertEquals(3.285, cost.perThousandRequests(), EPS);
        assertEquals(3.285, cost.daily(), EPS);
        assertEquals(98.55, cost.monthly(), EPS);
        assertEquals(98.55, cost.period(), EPS);
        // The split over the period's 30,000 requests: input 0.0008 × 0.9 (mixed) × 30,000, and so on.
        assertEquals(0.0008 * 0.9 * 30_000, cost.input(), EPS);
        assertEquals(0.0001 * 0.9 * 30_000, cost.cachedInput(), EPS);
        assertEquals(0.00025 * 0.9 * 30_000, cost.cacheWrite(), EPS);
        assertEquals(0.0025 * 0.9 * 30_000, cost.output(), EPS);
        assertEquals(cost.period(), cost.input() + cost.cachedInput() + cost.cacheWrite() + cost.output()
                + cost.fixed(), EPS);
    }

    @Test
    void growthMakesTheCostliestMonthTheOneABudgetMustHold() {
        Scenario s = scenario(Volume.perDay(1_000, 10, 75), TokenProfile.mean(1_000, 0), Shares.NONE, List.of());
        ScenarioCost cost = ScenarioCosting.cost(s, a, TokenProfile.mean(1_000, 0));
        // 0.001 per request; 81,150 requests over the period; first month 30,000, last month's rate 36,300.
        assertEquals(81.15, cost.period(), EPS);
        assertEquals(30.0, cost.monthly(), EPS);
        assertEquals(36.3, cost.peakMonthly(), EPS);
    }

    @Test
    void ranksCheapestFirstAndRecommendsTheCheapestThatMeetsEveryConstraint() {
        // 1,000 in / 100 out per request, 30% cached, 1,000 requests a day for 30 days.
        // A: (700 × 1.0 + 300 × 0.5 + 100 × 2) / 1M = 0.00105; B: (700 × 2 + 300 × 0.2 + 200) / 1M = 0.00166;
        // C: (1,000 × 0.1 + 100 × 0.4) / 1M = 0.00014.
        Scenario s = scenario(Volume.perDay(1_000, 0, 30), TokenProfile.mean(1_000, 100), new Shares(0.3, 0, 0),
                List.of("openai/a", "openai/b", "mistral/c", "openai/unknown"));
        Constraints constraints = new Constraints(40.0, 100_000, Duration.ofSeconds(2), 0.9);
        Map<String, ModelEvidence> evidence = Map.of(
                "openai/a", new ModelEvidence(Duration.ofMillis(2_500), 0.95, "compare.json"),
                "openai/b", new ModelEvidence(Duration.ofMillis(900), 0.97, "compare.json"),
                "mistral/c", new ModelEvidence(Duration.ofMillis(700), 0.80, "compare.json"));
        CostAnalysis.Result report = analysis(a, b, c).run(List.of(s), List.of(), constraints, evidence);

        CostAnalysis.ScenarioResult result = report.scenarios().get(0);
        assertEquals(List.of("mistral/c", "openai/a", "openai/b"),
                result.ranked().stream().map(ScenarioCost::model).toList());
        assertEquals(4.2, result.ranked().get(0).monthly(), EPS);         // 0.00014 × 30,000
        assertEquals(31.5, result.ranked().get(1).monthly(), EPS);        // 0.00105 × 30,000
        assertEquals(49.8, result.ranked().get(2).monthly(), EPS);        // 0.00166 × 30,000
        assertEquals(List.of("no price for 'openai/unknown': import one (yardstick pricing import FILE) or set "
                + "models.'openai/unknown'.price in the config file"), report.unpriced());

        Recommendation rec = result.recommendation();
        assertNull(rec.chosen(), "b is the only one fast and good enough, but over budget");
        assertEquals(List.of("mistral/c", "openai/a", "openai/b"),
                rec.cheaperRejected().stream().map(Rejection::model).toList());
        assertEquals(List.of("its context window of 32,000 is under the 100,000 required",
                "its pass rate of 80% is under 90% (compare.json)"), rec.cheaperRejected().get(0).reasons());
        assertEquals(List.of("its p95 latency of 2.50s is over 2.00s (compare.json)"),
                rec.cheaperRejected().get(1).reasons());
        assertEquals(List.of("its monthly cost ($49.80) is over the budget of $40.00"),
                rec.cheaperRejected().get(2).reasons());
        assertTrue(rec.verdict().startsWith("No model meets every constraint"));

        Recommendation withMoreBudget = analysis(a, b, c).run(List.of(s), List.of(),
                new Constraints(50.0, 100_000, Duration.ofSeconds(2), 0.9), evidence).scenarios().get(0)
                .recommendation();
        assertEquals("openai/b", withMoreBudget.chosen());
        assertEquals(2, withMoreBudget.cheaperRejected().size());
        assertTrue(withMoreBudget.verdict().startsWith("Recommended: openai/b, $49.80/month, $49.80 over the "
                + "period: the cheapest of 3 models that meets every constraint."), withMoreBudget.verdict());
    }

    @Test
    void requestsThatDoNotFitAModelRejectItWithoutAnyConstraint() {
        Scenario s = scenario(Volume.perDay(100, 0, 30), new TokenProfile(List.of(TokenBucket.of(1_000, 100),
                new TokenBucket(40_000.0, 5_000.0, 1.0)), "given", false), Shares.NONE, List.of("mistral/c",
                "openai/a"));
        Recommendation rec = analysis(a, c).run(List.of(s), List.of(), Constraints.NONE, Map.of())
                .scenarios().get(0).recommendation();
        assertEquals("openai/a", rec.chosen());
        assertEquals(List.of("its largest prompt (40,000 tokens) is over the model's prompt limit of 32,000",
                "it expects up to 5,000 output tokens, the model allows 4,096"),
                rec.cheaperRejected().get(0).reasons());
        assertTrue(rec.verdict().endsWith("(no constraints given)."), rec.verdict());
    }

    @Test
    void breakEvenInCacheShareIsSolvedExactly() {
        // Per request at cache share x: A = (1,000 (1 − x) 1.0 + 1,000 x 0.5 + 100 × 2) / 1M = (1,200 − 500 x) / 1M
        //                               B = (1,000 (1 − x) 2.0 + 1,000 x 0.2 + 200) / 1M   = (2,200 − 1,800 x) / 1M
        // Equal when 1,300 x = 1,000: x = 10/13 ≈ 76.92%. At 30% A is cheaper; above 10/13 B is.
        Scenario s = scenario(Volume.perDay(1_000, 0, 30), TokenProfile.mean(1_000, 100), new Shares(0.3, 0, 0),
                List.of("openai/a", "openai/b"));
        Recommendation rec = analysis(a, b).run(List.of(s), List.of(), Constraints.NONE, Map.of())
                .scenarios().get(0).recommendation();
        assertEquals("openai/a", rec.chosen());
        assertEquals(1, rec.breakEvens().size(), rec.breakEvens().toString());
        BreakEven point = rec.breakEvens().get(0);
        assertEquals("cache-share", point.parameter());
        assertEquals(10.0 / 13, point.at(), 1e-12);
        assertEquals("openai/a", point.cheaperNow());
        assertEquals("openai/b", point.overtaker());
        assertEquals("when the cache share rises above 76.92% (now 30%): openai/b becomes cheaper than openai/a",
                point.text());
    }

    @Test
    void breakEvenInVolumeAgainstAMachinePricedByTheHour() {
        // local/gpu at $2.00/h, 24 h/day: $48/day whatever the volume. A at 30% cache: $0.00105 per request.
        // Equal at 48 / 0.00105 = 45,714.29 requests/day; at 10,000/day A is cheaper.
        ModelConfig gpu = new ModelConfig(null, null, null, null, null, 8_192,
                new PriceConfig(null, null, null, null, 2.0, "rented GPU"));
        PriceCatalog catalog = PriceCatalog.of(List.of(a), List.of(),
                new YardstickConfig(Map.of(), Map.of("local/gpu", gpu), null));
        Scenario s = scenario(Volume.perDay(10_000, 0, 30), TokenProfile.mean(1_000, 100), new Shares(0.3, 0, 0),
                List.of("openai/a", "local/gpu"));
        CostAnalysis.Result report = new CostAnalysis(catalog, TokenCounters::forModel)
                .run(List.of(s), List.of(), Constraints.NONE, Map.of());
        ScenarioCost local = report.scenarios().get(0).ranked().get(1);
        assertEquals("local/gpu", local.model());
        assertEquals(48.0 * 30, local.period(), EPS);
        assertEquals(48.0 * 30, local.fixed(), EPS);
        BreakEven volume = report.scenarios().get(0).recommendation().breakEvens().stream()
                .filter(p -> p.parameter().equals("requests-per-day")).findFirst().orElseThrow();
        assertEquals(48 / 0.00105, volume.at(), 1e-6);
        assertEquals("when requests per day rises above 45,714 (now 10,000): local/gpu becomes cheaper than "
                + "openai/a", volume.text());
    }

    @Test
    void severalScenariosAreTotalledPerModelOverTheScenariosEachRanIn() {
        Scenario one = new Scenario("one", null, List.of("openai/a", "openai/b"), Volume.perDay(1_000, 0, 30),
                new Workload.Fixed(TokenProfile.mean(1_000, 100)), Shares.NONE, 24);
        Scenario two = new Scenario("two", null, List.of("openai/a", "mistral/c"), Volume.perDay(1_000, 0, 30),
                new Workload.Fixed(TokenProfile.mean(1_000, 100)), Shares.NONE, 24);
        CostAnalysis.Result report = analysis(a, b, c).run(List.of(one, two), List.of(), Constraints.NONE, Map.of());
        // A costs (1,000 + 200) / 1M × 30,000 = 36 in each scenario; b and c ran in one scenario only.
        assertEquals(1, report.totals().size(), report.totals().toString());
        assertEquals("openai/a", report.totals().get(0).model());
        assertEquals(72.0, report.totals().get(0).period(), EPS);
    }
    @Test
    void aCacheShareOnAProviderThatBillsWritesImpliesTheWrites() {
        // 2,000 in / 500 out, 50% read from cache, the default 0.2 tokens written per token read: 10% written.
        Scenario s = scenario(Volume.perDay(1_000, 0, 30), TokenProfile.mean(2_000, 500),
                new Shares(0.5, null, 0, Shares.DEFAULT_WRITES_PER_READ), List.of());
        ScenarioCost anthropic = ScenarioCosting.cost(s, haiku, TokenProfile.mean(2_000, 500));
        // 800 uncached × 1.00 + 1,000 read × 0.10 + 200 written × 1.25 + 500 out × 5.00, per 1M = 0.00365.
        assertEquals(0.00365, anthropic.perRequest(), EPS);
        assertEquals(0.00025 * 30_000, anthropic.cacheWrite(), EPS);
        assertEquals(0.1, anthropic.cacheWriteShare(), EPS);
        // Automatic caching bills no writes: the request that filled the cache paid ordinary input.
        ScenarioCost openai = ScenarioCosting.cost(s, a, TokenProfile.mean(2_000, 500));
        assertEquals(0.0, openai.cacheWrite(), EPS);
        assertEquals(0.0, openai.cacheWriteShare(), EPS);
        assertEquals((1_000 * 1.0 + 1_000 * 0.5 + 500 * 2.0) / 1e6, openai.perRequest(), EPS);

        // The assumption is the scenario's to change: no writes, or one write per read, capped by the input left.
        Shares none = new Shares(0.5, null, 0, 0);
        assertEquals(0.0, none.cacheWriteFor(haiku), EPS);
        assertEquals(0.5, new Shares(0.5, null, 0, 1).cacheWriteFor(haiku), EPS);
        assertEquals(0.1, new Shares(0.9, null, 0, 0.2).cacheWriteFor(haiku), EPS, "never more than is left");
        // An explicit write share is what happened, for every model.
        assertEquals(0.05, new Shares(0.5, 0.05, 0).cacheWriteFor(haiku), EPS);
        assertEquals(0.05, new Shares(0.5, 0.05, 0).cacheWriteFor(a), EPS);
    }

    @Test
    void breakEvenInCacheShareStaysExactWithImpliedWrites() {
        // Haiku (writes billed) against a model without caching: where haiku's reads overtake its writes.
        PriceRow flat = TestRows.row("mistral/flat", 0.6, null, null, 5.0, null);
        Scenario s = scenario(Volume.perDay(1_000, 0, 30), TokenProfile.mean(1_000, 100),
                new Shares(0.1, null, 0, 0.2), List.of("anthropic/claude-haiku-4-5", "mistral/flat"));
        Recommendation rec = analysis(haiku, flat).run(List.of(s), List.of(), Constraints.NONE, Map.of())
                .scenarios().get(0).recommendation();
        assertEquals("mistral/flat", rec.chosen());
        BreakEven point = rec.breakEvens().stream().filter(p -> p.parameter().equals("cache-share")).findFirst()
                .orElseThrow(() -> new AssertionError(rec.breakEvens().toString()));
        // haiku per request at share x: 1,000 (1 − 1.2x) + 1,000 x 0.1 + 1,000 × 0.2x × 1.25 = 1,000 − 850 x;
        // flat: 600. Equal at x = 400 / 850.
        assertEquals(400.0 / 850, point.at(), 1e-12);
        Scenario atCrossing = s.withShares(s.shares().withCache(point.at()));
        assertEquals(ScenarioCosting.cost(atCrossing, flat, s.workload().profileFor("mistral/flat", m -> null))
                .period(), ScenarioCosting.cost(atCrossing, haiku, s.workload().profileFor("x/y", m -> null))
                .period(), 1e-9);
    }

    @Test
    void minContextIsJudgedOnTheMaximumInputWhereItIsKnown() {
        PriceRow nano = new PriceRow("openai/gpt-5-nano", List.of(), 0.05, 0.005, null, 0.4, 0.5, null, null,
                400_000, 272_000, 128_000, "test", TestRows.AS_OF, PriceOrigin.BUNDLED);
        Scenario s = scenario(Volume.perDay(100, 0, 30), TokenProfile.mean(1_000, 100), Shares.NONE,
                List.of("openai/gpt-5-nano", "openai/a"));
        Recommendation rec = analysis(nano, a).run(List.of(s), List.of(),
                new Constraints(null, 300_000, null, null), Map.of()).scenarios().get(0).recommendation();
        assertEquals("openai/a", rec.chosen(), "a's 400,000 window has no lower input cap");
        assertEquals(List.of("its maximum input of 272,000 is under the 300,000 required"),
                rec.cheaperRejected().get(0).reasons());
        Recommendation fits = analysis(nano, a).run(List.of(s), List.of(),
                new Constraints(null, 272_000, null, null), Map.of()).scenarios().get(0).recommendation();
        assertEquals("openai/gpt-5-nano", fits.chosen());
    }
}
