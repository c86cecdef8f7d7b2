package dev.yardstick.cost.recommend;

import dev.yardstick.cost.prices.Figures;
import dev.yardstick.cost.workload.Scenario;
import dev.yardstick.cost.workload.Shares;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * Finds where two models swap rank as one parameter of the scenario moves: the cache share, the batch share, or
 * the volume. A scenario's period cost is linear in each (see {@link ScenarioCosting}), so two evaluations give
 * each model's line and the crossing is solved, not searched. Only crossings strictly inside the parameter's range
 * count: shares in (0, 1), the cache share within the range where implied cache writes keep costs linear
 * ({@link Shares#linearCacheRange()}), volumes above zero.
 */
final class BreakEvens {

    private BreakEvens() {
    }

    /**
     * The crossings between the chosen model and every model that fits the scenario, then between neighbours in
     * the ranking, each pair and parameter once.
     */
    static List<BreakEven> find(Scenario scenario, List<ScenarioCost> ranked, ScenarioCost chosen,
                                List<ScenarioCost> contenders) {
        Map<String, BreakEven> found = new LinkedHashMap<>();
        if (chosen != null) {
            for (ScenarioCost other : contenders) {
                if (!other.model().equals(chosen.model())) {
                    pair(scenario, chosen, other, found);
                }
            }
        }
        for (int i = 0; i + 1 < ranked.size(); i++) {
            pair(scenario, ranked.get(i), ranked.get(i + 1), found);
        }
        return List.copyOf(found.values());
    }

    private static void pair(Scenario scenario, ScenarioCost a, ScenarioCost b, Map<String, BreakEven> found) {
        ScenarioCost cheaper = a.period() <= b.period() ? a : b;
        ScenarioCost dearer = cheaper == a ? b : a;
        Shares shares = scenario.shares();
        double[] cacheRange = shares.linearCacheRange();
        add(found, solve("cache-share", cheaper, dearer, shares.cache(), cacheRange[0], cacheRange[1],
                x -> scenario.withShares(shares.withCache(x))));
        if (cheaper.price().batchDiscount() != null || dearer.price().batchDiscount() != null) {
            add(found, solve("batch-share", cheaper, dearer, shares.batch(), 0, 1,
                    x -> scenario.withShares(shares.withBatch(x))));
        }
        if (cheaper.price().perHour() != null || dearer.price().perHour() != null) {
            double now = scenario.volume().baseDaily();
            add(found, solve("requests-per-day", cheaper, dearer, now, 0, Double.POSITIVE_INFINITY,
                    x -> scenario.withVolume(scenario.volume().withBaseDaily(x))));
        }
    }

    private static void add(Map<String, BreakEven> found, BreakEven point) {
        if (point != null) {
            found.putIfAbsent(point.parameter() + " " + point.cheaperNow() + " " + point.overtaker(), point);
        }
    }

    /**
     * Where {@code dearer} catches up with {@code cheaper} as the parameter moves from {@code now} within
     * [{@code low}, {@code high}], or null when it never does there. The gap between the two is a line:
     * gap(x) = gap(now) + slope × (x − now).
     */
    private static BreakEven solve(String parameter, ScenarioCost cheaper, ScenarioCost dearer, double now,
                                   double low, double high, DoubleFunction<Scenario> at) {
        double gapNow = dearer.period() - cheaper.period();
        if (gapNow <= 0) {
            return null; // a tie: no rank to flip
        }
        // Any second point on the line will do; take the far end of the range so it is a valid scenario.
        double probe = Double.isInfinite(high) ? 2 * now + 1 : high - now >= now - low ? high : low;
        if (probe == now) {
            return null; // the range is a single point
        }
        double gapProbe = gap(at.apply(probe), cheaper, dearer);
        double slope = (gapProbe - gapNow) / (probe - now);
        if (slope == 0 || Math.abs(slope) < 1e-15 * Math.max(1, Math.abs(gapNow))) {
            return null;
        }
        double crossing = now - gapNow / slope;
        // At an end of the range the two only tie there: no flip happens inside the range.
        if (!(crossing > low && crossing < high) || crossing == now) {
            return null;
        }
        return new BreakEven(parameter, cheaper.model(), dearer.model(), crossing, now,
                describe(parameter, crossing, now) + ": " + dearer.model() + " becomes cheaper than "
                        + cheaper.model());
    }

    private static double gap(Scenario scenario, ScenarioCost cheaper, ScenarioCost dearer) {
        return ScenarioCosting.cost(scenario, dearer.price(), dearer.tokens()).period()
                - ScenarioCosting.cost(scenario, cheaper.price(), cheaper.tokens()).period();
    }

    private static String describe(String parameter, double crossing, double now) {
        String direction = crossing > now ? " rises above " : " falls below ";
        if (parameter.equals("requests-per-day")) {
            return String.format(Locale.ROOT, "when requests per day%s%,.0f (now %,.0f)", direction, crossing, now);
        }
        String name = parameter.equals("cache-share") ? "the cache share" : "the batch share";
        return "when " + name + direction + Figures.percent(crossing) + " (now " + Figures.percent(now) + ")";
    }
}
