package dev.yardstick.report;

import dev.yardstick.config.Durations;
import dev.yardstick.cost.prices.Figures;
import dev.yardstick.cost.prices.Money;
import dev.yardstick.cost.prices.PriceOrigin;
import dev.yardstick.cost.prices.PriceRow;
import dev.yardstick.cost.recommend.Constraints;
import dev.yardstick.cost.recommend.CostAnalysis.ModelTotal;
import dev.yardstick.cost.recommend.CostAnalysis.ScenarioResult;
import dev.yardstick.cost.recommend.CostAnalysis;
import dev.yardstick.cost.recommend.Recommendation;
import dev.yardstick.cost.recommend.Rejection;
import dev.yardstick.cost.recommend.ScenarioCost;
import dev.yardstick.cost.workload.Scenario;
import dev.yardstick.cost.workload.Shares;
import dev.yardstick.cost.workload.Volume;
import dev.yardstick.report.Document.Block;
import dev.yardstick.report.Document.Grid;
import dev.yardstick.report.Document.Heading;
import dev.yardstick.report.Document.KeyValue;
import dev.yardstick.report.Document.KeyValues;
import dev.yardstick.report.Document.Paragraph;
import dev.yardstick.report.Document;
import dev.yardstick.report.Report;
import dev.yardstick.report.Tabular;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of {@code yardstick cost-analyze}: per scenario, every priced model ranked by cost with its split,
 * the recommendation with its reasons and break-even points; the models that had no price; totals across
 * scenarios; and every price row used, with its source and date.
 */
public record CostReport(List<ScenarioResult> scenarios, List<String> unpriced, List<ModelTotal> totals,
                         Constraints constraints) implements Report {

    public CostReport {
        scenarios = List.copyOf(scenarios);
        unpriced = List.copyOf(unpriced);
        totals = List.copyOf(totals);
    }

    /** The report of an analysis judged on {@code constraints} (none when null). */
    public static CostReport of(CostAnalysis.Result analysis, Constraints constraints) {
        return new CostReport(analysis.scenarios(), analysis.unpriced(), analysis.totals(),
                constraints == null ? Constraints.NONE : constraints);
    }

    @Override
    public Document document() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("USD. A month is " + Volume.MONTH_DAYS + " days; \"period\" is each scenario's "
                + "span of days. Each cost uses the price row listed under \"Prices used\"."));
        if (constraints.any()) {
            blocks.add(new KeyValues(constraintLines()));
        }
        for (ScenarioResult scenario : scenarios) {
            scenarioBlocks(scenario, blocks);
        }
        if (!unpriced.isEmpty()) {
            blocks.add(new Heading("Models without a price (not costed)"));
            unpriced.forEach(line -> blocks.add(new Paragraph(line, true)));
        }
        if (!totals.isEmpty()) {
            blocks.add(new Heading("All scenarios together"));
            blocks.add(new Grid(List.of("#", "model", "total", "cheapest scenario", "dearest scenario"),
                    indexed(totals.stream().map(t -> List.of(t.model(), Money.format(t.period()),
                            Money.format(t.cheapestScenario()), Money.format(t.dearestScenario()))).toList()),
                    List.of(true, false, true, true, true), false));
        }
        blocks.add(new Heading("Prices used (USD per million tokens)"));
        blocks.add(pricesGrid());
        return new Document("Cost analysis", blocks);
    }

    private void scenarioBlocks(ScenarioResult scenario, List<Block> blocks) {
        blocks.add(new Heading("Scenario: " + scenario.name()));
        if (scenario.description() != null && !scenario.description().isBlank()) {
            blocks.add(new Paragraph(scenario.description().strip()));
        }
        List<KeyValue> about = new ArrayList<>();
        about.add(new KeyValue("volume", scenario.volume()));
        Shares shares = scenario.shares();
        about.add(new KeyValue("cache share", Figures.percent(shares.cache()) + " of input read from cache"));
        if (shares.cacheWrite() != null) {
            about.add(new KeyValue("cache writes", Figures.percent(shares.cacheWrite())
                    + " of input written to the cache, for every model"));
        } else if (shares.cache() > 0) {
            about.add(new KeyValue("cache writes", String.format(Locale.ROOT, "%s tokens written per token read "
                            + "(cache-writes-per-read) where writes are billed apart (%s of input); none where "
                            + "caching is automatic", Figures.number(shares.writesPerRead()),
                    Figures.percent(shares.impliedCacheWrite()))));
        }
        about.add(new KeyValue("batch share", Figures.percent(shares.batch()) + " of requests"));
        basisLines(scenario.ranked()).forEach((basis, models) -> about.add(new KeyValue("tokens", basis
                + (models.isEmpty() ? "" : " for " + String.join(", ", models)))));
        blocks.add(new KeyValues(about));
        if (!scenario.ranked().isEmpty()) {
            blocks.add(rankingGrid(scenario.ranked(), shares));
        }
        Recommendation recommendation = scenario.recommendation();
        blocks.add(new Paragraph(recommendation.verdict(), true));
        if (!recommendation.cheaperRejected().isEmpty()) {
            blocks.add(new Paragraph(recommendation.chosen() == null ? "Rejected:" : "Cheaper, but rejected:"));
            blocks.add(rejectionGrid(recommendation.cheaperRejected()));
        }
        if (!recommendation.otherRejected().isEmpty()) {
            blocks.add(new Paragraph("Also rejected:"));
            blocks.add(rejectionGrid(recommendation.otherRejected()));
        }
        if (!recommendation.breakEvens().isEmpty()) {
            blocks.add(new Paragraph("Where the ranking flips:"));
            recommendation.breakEvens().forEach(b -> blocks.add(new Paragraph("- " + b.text())));
        }
    }

    /** The token basis of each model, grouped: one line when every model's counts come from the same place. */
    private static Map<String, List<String>> basisLines(List<ScenarioCost> ranked) {
        Map<String, List<String>> byBasis = new LinkedHashMap<>();
        for (ScenarioCost cost : ranked) {
            String line = String.format(Locale.ROOT, "%,.0f in / %,.0f out per request (mean), %s",
                    cost.meanInputTokens(), cost.meanOutputTokens(), cost.tokenBasis());
            byBasis.computeIfAbsent(line, k -> new ArrayList<>()).add(cost.model());
        }
        if (byBasis.size() == 1) {
            byBasis.replaceAll((k, v) -> List.of());
        }
        return byBasis;
    }

    private static Grid rankingGrid(List<ScenarioCost> ranked, Shares shares) {
        // With any caching, writes get their own column, zero included: a zero says the provider bills none.
        boolean writes = shares.cache() > 0 || ranked.stream().anyMatch(c -> c.cacheWrite() > 0);
        boolean hourly = ranked.stream().anyMatch(c -> c.fixed() > 0);
        List<String> headers = new ArrayList<>(List.of("#", "model", "per 1k req", "daily", "monthly", "period",
                "input", "cached", "output"));
        if (writes) {
            headers.add(headers.indexOf("output"), "cache write");
        }
        if (hourly) {
            headers.add("hourly");
        }
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioCost c : ranked) {
            List<String> row = new ArrayList<>(List.of(c.model() + (c.tokensEstimated() ? " (est. tokens)" : "")
                            + (c.price().origin() == PriceOrigin.UNPRICED ? " (unpriced)" : ""),
                    Money.format(c.perThousandRequests()), Money.format(c.daily()), monthly(c),
                    Money.format(c.period()), Money.format(c.input()), Money.format(c.cachedInput())));
            if (writes) {
                row.add(Money.format(c.cacheWrite()));
            }
            row.add(Money.format(c.output()));
            if (hourly) {
                row.add(Money.format(c.fixed()));
            }
            rows.add(row);
        }
        List<Boolean> numeric = new ArrayList<>();
        headers.forEach(h -> numeric.add(!h.equals("model")));
        return new Grid(headers, indexed(rows), numeric, false);
    }

    private static String monthly(ScenarioCost c) {
        String first = Money.format(c.monthly());
        return c.peakMonthly() > c.monthly() * (1 + 1e-9) ? first + " → " + Money.format(c.peakMonthly()) : first;
    }

    private static Grid rejectionGrid(List<Rejection> rejections) {
        return new Grid(List.of("model", "period", "why"),
                rejections.stream().map(r -> List.of(r.model(), Money.format(r.period()),
                        String.join("; ", r.reasons()))).toList(),
                List.of(false, true, false), true);
    }

    private Grid pricesGrid() {
        Map<String, PriceRow> used = new LinkedHashMap<>();
        scenarios.forEach(s -> s.ranked().forEach(c -> used.putIfAbsent(c.model(), c.price())));
        return PriceCells.grid(used);
    }

    private List<KeyValue> constraintLines() {
        List<KeyValue> lines = new ArrayList<>();
        if (constraints.maxMonthlyUsd() != null) {
            lines.add(new KeyValue("max monthly", Money.format(constraints.maxMonthlyUsd())));
        }
        if (constraints.minContext() != null) {
            lines.add(new KeyValue("min context", Figures.tokens(constraints.minContext()) + " tokens"));
        }
        if (constraints.maxP95Latency() != null) {
            lines.add(new KeyValue("max p95 latency", Durations.format(constraints.maxP95Latency())));
        }
        if (constraints.minPassRate() != null) {
            lines.add(new KeyValue("min pass rate", Figures.percent(constraints.minPassRate())));
        }
        return lines;
    }

    private static List<List<String>> indexed(List<List<String>> rows) {
        List<List<String>> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(i + 1));
            row.addAll(rows.get(i));
            numbered.add(row);
        }
        return numbered;
    }

    @Override
    public Tabular tabular() {
        List<String> headers = List.of("scenario", "rank", "model", "recommended", "per_request_usd",
                "per_1k_requests_usd", "daily_usd", "monthly_usd", "peak_monthly_usd", "period_usd", "requests",
                "input_usd", "cached_input_usd", "cache_write_usd", "output_usd", "hourly_usd", "cache_write_share",
                "mean_input_tokens", "mean_output_tokens", "token_basis", "price_model", "price_input_per_m",
                "price_cached_input_per_m", "price_cache_write_per_m", "price_output_per_m", "price_per_hour",
                "batch_discount", "price_source", "price_as_of", "price_origin", "rejected_because");
        List<List<Object>> rows = new ArrayList<>();
        for (ScenarioResult scenario : scenarios) {
            Recommendation rec = scenario.recommendation();
            Map<String, String> reasons = new LinkedHashMap<>();
            List<Rejection> rejected = new ArrayList<>(rec.cheaperRejected());
            rejected.addAll(rec.otherRejected());
            rejected.forEach(r -> reasons.put(r.model(), String.join("; ", r.reasons())));
            int rank = 1;
            for (ScenarioCost c : scenario.ranked()) {
                PriceRow p = c.price();
                rows.add(Arrays.asList(scenario.name(), rank++, c.model(), c.model().equals(rec.chosen()),
                        number(c.perRequest()), number(c.perThousandRequests()), number(c.daily()),
                        number(c.monthly()), number(c.peakMonthly()), number(c.period()), number(c.requests()),
                        number(c.input()), number(c.cachedInput()), number(c.cacheWrite()), number(c.output()),
                        number(c.fixed()), number(c.cacheWriteShare()), number(c.meanInputTokens()),
                        number(c.meanOutputTokens()),
                        c.tokenBasis(), p.model(), p.input(), p.cachedInput(), p.cacheWrite(), p.output(),
                        p.perHour(), p.batchDiscount(), p.source(), p.asOf(), p.origin().label(),
                        reasons.getOrDefault(c.model(), "")));
            }
        }
        return new Tabular(headers, rows);
    }

    /** A computed figure for CSV: 12 significant digits, so binary noise (4.7999999999999996E-4) does not show. */
    private static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return new BigDecimal(value).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
