package dev.yardstick.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.cost.prices.Money;
import dev.yardstick.cost.prices.PriceCatalog;
import dev.yardstick.cost.recommend.Constraints;
import dev.yardstick.cost.recommend.CostAnalysis;
import dev.yardstick.cost.workload.Scenario;
import dev.yardstick.export.Exporter;
import dev.yardstick.export.Format;
import dev.yardstick.export.Json;
import dev.yardstick.provider.tokens.TokenCounters;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped scenarios analysed with the bundled catalog, offline, and rendered in every format. */
class CostReportTest {

    private static CostReport report;

    @BeforeAll
    static void analyseTheShippedScenarios() {
        List<Scenario> scenarios = List.of(Scenario.load(Path.of("scenarios", "cost-support-bot.yaml")),
                Scenario.load(Path.of("scenarios", "cost-nightly-batch.yaml")));
        Constraints constraints = new Constraints(null, 200_000, null, null);
        report = CostReport.of(new CostAnalysis(PriceCatalog.bundled(), TokenCounters::forModel)
                .run(scenarios, List.of(), constraints, Map.of()), constraints);
    }

    private static String render(Format format) throws Exception {
        StringBuilder out = new StringBuilder();
        Exporter.of(format, 1_000, false).write(report, out);
        return out.toString();
    }

    @Test
    void aShippedScenarioRanksAtLeastTenRealModelsAndRecommendsOne() {
        CostAnalysis.ScenarioResult support = report.scenarios().get(0);
        assertTrue(support.ranked().size() >= 10, "ranked: " + support.ranked().size());
        for (int i = 1; i < support.ranked().size(); i++) {
            assertTrue(support.ranked().get(i - 1).period() <= support.ranked().get(i).period(), "cheapest first");
        }
        assertNotNull(support.recommendation().chosen());
        assertTrue(report.unpriced().isEmpty(), report.unpriced().toString());
        assertEquals(List.of(), support.ranked().stream().filter(c -> c.period() <= 0).toList(),
                "every real model costs something");
    }

    @Test
    void tableAndMarkdownShowTheRankingTheVerdictTheReasonsAndThePricesUsed() throws Exception {
        String table = render(Format.TABLE);
        assertTrue(table.contains("Scenario: support-bot"), table);
        assertTrue(table.contains("Recommended: "), table);
        assertTrue(table.contains("is under the 200,000 required"), "a rejection reason: " + table);
        assertTrue(table.contains("Prices used"), table);
        assertTrue(table.contains("as of 2026-07-02"), table);
        String markdown = render(Format.MARKDOWN);
        assertTrue(markdown.contains("## Scenario: nightly-batch"), markdown);
        assertTrue(markdown.contains("> **Recommended: "), markdown);
    }

    @Test
    void csvHasOneRowPerModelAndScenarioWithThePriceRowItUsed() throws Exception {
        List<String> lines = render(Format.CSV).lines().toList();
        assertTrue(lines.get(0).startsWith("scenario,rank,model,recommended,per_request_usd,"), lines.get(0));
        int rows = report.scenarios().stream().mapToInt(s -> s.ranked().size()).sum();
        assertEquals(rows + 1, lines.size());
        String gpt5nano = lines.stream().filter(l -> l.startsWith("nightly-batch,") && l.contains(",openai/gpt-5-nano,"))
                .findFirst().orElseThrow();
        assertTrue(gpt5nano.contains("2026-07-02"), gpt5nano);
        assertTrue(gpt5nano.contains("bundled"), gpt5nano);
    }

    @Test
    void jsonIsTheReportRecordWithEachCostsPriceRow() throws Exception {
        JsonNode json = Json.mapper().readTree(render(Format.JSON));
        JsonNode first = json.path("scenarios").get(0).path("ranked").get(0);
        assertFalse(first.path("price").path("source").asText().isEmpty(), first.toString());
        assertEquals("2026-07-02", first.path("price").path("asOf").asText());
        assertTrue(first.path("perThousandRequests").isNumber(), first.toString());
        assertTrue(first.has("tokenBasis"), first.toString());
        assertFalse(first.has("tokens"), "the full token profile stays out of the report");
        assertTrue(json.path("scenarios").get(0).path("recommendation").has("verdict"));
    }

    @Test
    void moneyReadsLikeMoneyAndPricesKeepEveryDigit() {
        // One rule: to the cent, at every size; only what would read $0.00 shows two significant digits.
        assertEquals("$17,999.79", Money.format(17_999.79));
        assertEquals("$12,345.60", Money.format(12_345.6));
        assertEquals("$1,234,567.89", Money.format(1_234_567.891));
        assertEquals("$1,234.50", Money.format(1_234.5));
        assertEquals("$0.50", Money.format(0.5));
        assertEquals("$0.18", Money.format(0.175));
        assertEquals("$0.01", Money.format(0.005));
        assertEquals("$0.0028", Money.format(0.0028));
        assertEquals("$0.0036", Money.format(0.003625));
        assertEquals("$0.00048", Money.format(0.00048));
        assertEquals("$0.00", Money.format(0));
        assertEquals("–", Money.format(Double.NaN));
        assertEquals("$0.003625", Money.price(0.003625));
        assertEquals("$14.00", Money.price(14));
        assertEquals("$0.50", Money.price(0.5));
    }
}
