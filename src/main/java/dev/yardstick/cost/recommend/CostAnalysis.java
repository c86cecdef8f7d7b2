package dev.yardstick.cost.recommend;

import dev.yardstick.config.InputException;
import dev.yardstick.cost.prices.PriceCatalog;
import dev.yardstick.cost.prices.PriceRow;
import dev.yardstick.cost.workload.ModelEvidence;
import dev.yardstick.cost.workload.Scenario;
import dev.yardstick.cost.workload.Shares;
import dev.yardstick.cost.workload.TokenProfile;
import dev.yardstick.provider.TokenCounter;
import dev.yardstick.stats.Tablesaw;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.max;
import static tech.tablesaw.aggregate.AggregateFunctions.min;
import static tech.tablesaw.aggregate.AggregateFunctions.sum;

/**
 * Costs every candidate model for every scenario, ranks them, and recommends one per scenario. A model nobody
 * priced is listed apart with the line that says how to price it, never costed as zero. The table work (the
 * ranking, each scenario's spread, the totals across scenarios) is done on a Tablesaw table of all the costs.
 */
public final class CostAnalysis {

    private final PriceCatalog catalog;
    private final Function<String, TokenCounter> counters;

    /** @param counters each model's tokenizer by {@code provider/model}, for scenarios given as sample prompts */
    public CostAnalysis(PriceCatalog catalog, Function<String, TokenCounter> counters) {
        this.catalog = catalog;
        this.counters = counters;
    }

    /**
     * @param models    candidates for every scenario; empty to take each scenario's own list
     * @param evidence  measured latency and pass rate by model, from a report; empty without one
     */
    public Result run(List<Scenario> scenarios, List<String> models, Constraints constraints,
                      Map<String, ModelEvidence> evidence) {
        List<ScenarioCost> costs = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            List<String> candidates = models.isEmpty() ? scenario.models() : models;
            if (candidates.isEmpty()) {
                throw new InputException("scenario '" + scenario.name() + "' names no models: list them under "
                        + "'models:' or give them with -m");
            }
            for (String model : candidates) {
                PriceRow price = catalog.find(model).orElse(null);
                if (price == null) {
                    String line = PriceCatalog.missing(model);
                    if (!unpriced.contains(line)) {
                        unpriced.add(line);
                    }
                    continue;
                }
                TokenProfile tokens = scenario.workload().profileFor(model, counters);
                costs.add(relabel(ScenarioCosting.cost(scenario, price, tokens), model));
            }
        }
        Table table = table(costs);
        Recommender recommender = new Recommender(constraints, evidence);
        List<ScenarioResult> results = new ArrayList<>();
        for (int s = 0; s < scenarios.size(); s++) {
            Scenario scenario = scenarios.get(s);
            List<ScenarioCost> ranked = ranked(table, s, costs);
            results.add(new ScenarioResult(scenario.name(), scenario.description(), scenario.volume().describe(),
                    scenario.shares(), scenario.volume().days(), ranked,
                    recommender.recommend(scenario, ranked)));
        }
        return new Result(results, unpriced, scenarios.size() > 1 ? totals(table, scenarios.size()) : List.of());
    }

    /** Costs are shown under the name the user asked for; the price row keeps the name it is listed under. */
    private static ScenarioCost relabel(ScenarioCost cost, String model) {
        return new ScenarioCost(cost.scenario(), model.trim(), cost.price(), cost.tokens(), cost.perRequest(),
                cost.daily(), cost.monthly(), cost.peakMonthly(), cost.period(), cost.requests(), cost.input(),
                cost.cachedInput(), cost.cacheWrite(), cost.output(), cost.fixed(), cost.longContext(),
                cost.cacheWriteShare());
    }

    private static Table table(List<ScenarioCost> costs) {
        Tablesaw.ready(); // without the class-path scan Table's initialiser would run
        Map<String, Integer> scenarioOrder = new LinkedHashMap<>();
        costs.forEach(c -> scenarioOrder.putIfAbsent(c.scenario(), scenarioOrder.size()));
        IntColumn index = IntColumn.create("index");
        IntColumn scenario = IntColumn.create("scenario");
        StringColumn model = StringColumn.create("model");
        DoubleColumn period = DoubleColumn.create("period");
        for (int i = 0; i < costs.size(); i++) {
            index.append(i);
            scenario.append(scenarioOrder.get(costs.get(i).scenario()));
            model.append(costs.get(i).model());
            period.append(costs.get(i).period());
        }
        return Table.create("costs", index, scenario, model, period);
    }

    /** One scenario's costs, cheapest first (ties by name, so the order never depends on the input's). */
    private static List<ScenarioCost> ranked(Table table, int scenarioIndex, List<ScenarioCost> costs) {
        Table scenarioRows = table.where(table.intColumn("scenario").isEqualTo(scenarioIndex))
                .sortOn("period", "model");
        List<ScenarioCost> ranked = new ArrayList<>();
        for (Row row : scenarioRows) {
            ranked.add(costs.get(row.getInt("index")));
        }
        return ranked;
    }

    /**
     * Each model's cost summed over the scenarios, cheapest first, with its cheapest and dearest scenario. Only
     * models costed in every scenario are summed: a total over fewer scenarios would look cheaper than it is.
     */
    private static List<ModelTotal> totals(Table table, int scenarios) {
        Table summary = table.summarize("period", sum, min, max, count).by("model");
        summary = summary.where(summary.numberColumn(4).isEqualTo(scenarios));
        summary = summary.sortOn(summary.column(1).name(), "model");
        List<ModelTotal> totals = new ArrayList<>();
        for (Row row : summary) {
            totals.add(new ModelTotal(row.getString("model"), row.getDouble(1), row.getDouble(2),
                    row.getDouble(3)));
        }
        return totals;
    }

    /**
     * What the analysis found: each scenario ranked with its recommendation, the models without a price (one line
     * each), and each model's totals over all scenarios when there are several.
     */
    public record Result(List<ScenarioResult> scenarios, List<String> unpriced, List<ModelTotal> totals) {
    }

    /** A model's cost over every scenario analysed together, and its cheapest and dearest scenario's cost. */
    public record ModelTotal(String model, double period, double cheapestScenario, double dearestScenario) {
    }

    /** One scenario's analysis: what it is, its models ranked by cost, and the recommendation. */
    public record ScenarioResult(String name, String description, String volume, Shares shares, int days,
                                 List<ScenarioCost> ranked, Recommendation recommendation) {

        public ScenarioResult {
            ranked = List.copyOf(ranked);
        }
    }
}
