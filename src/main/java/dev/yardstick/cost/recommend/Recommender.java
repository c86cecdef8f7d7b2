package dev.yardstick.cost.recommend;

import static dev.yardstick.cost.prices.Figures.number;
import static dev.yardstick.cost.prices.Figures.percent;
import static dev.yardstick.cost.prices.Figures.tokens;

import dev.yardstick.config.Durations;
import dev.yardstick.cost.prices.Money;
import dev.yardstick.cost.prices.PriceOrigin;
import dev.yardstick.cost.prices.PriceRow;
import dev.yardstick.cost.prices.ProviderNames;
import dev.yardstick.cost.workload.ModelEvidence;
import dev.yardstick.cost.workload.Scenario;
import dev.yardstick.cost.workload.TokenProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the cheapest model of a scenario that meets every constraint, says why each cheaper one was rejected, and
 * finds where the ranking flips. Besides the user's constraints, every model must fit the scenario's requests:
 * its largest prompt within the model's prompt limit, its largest request within the context window, its longest
 * output within the model's output cap.
 */
public final class Recommender {

    private final Constraints constraints;
    private final Map<String, ModelEvidence> evidence;

    /** @param evidence what a report measured, by {@code provider/model}; empty when no report was given */
    public Recommender(Constraints constraints, Map<String, ModelEvidence> evidence) {
        this.constraints = constraints == null ? Constraints.NONE : constraints;
        this.evidence = new HashMap<>();
        evidence.forEach((model, measured) -> this.evidence.put(ProviderNames.key(model), measured));
    }

    /** @param ranked the scenario's costs, cheapest first */
    public Recommendation recommend(Scenario scenario, List<ScenarioCost> ranked) {
        List<Rejection> cheaper = new ArrayList<>();
        List<Rejection> dearer = new ArrayList<>();
        ScenarioCost chosen = null;
        for (ScenarioCost cost : ranked) {
            List<String> reasons = reasons(cost);
            if (reasons.isEmpty() && chosen == null) {
                chosen = cost;
            } else if (!reasons.isEmpty()) {
                (chosen == null ? cheaper : dearer).add(new Rejection(cost.model(), cost.period(), reasons));
            }
        }
        List<ScenarioCost> contenders = ranked.stream().filter(c -> fitReasons(c).isEmpty()).toList();
        List<BreakEven> breakEvens = BreakEvens.find(scenario, ranked, chosen, contenders);
        return new Recommendation(scenario.name(), chosen == null ? null : chosen.model(), cheaper, dearer,
                breakEvens, verdict(chosen, ranked.size()));
    }

    /** Every constraint the model fails, in words; empty when it meets them all. */
    List<String> reasons(ScenarioCost cost) {
        List<String> reasons = new ArrayList<>(fitReasons(cost));
        if (constraints.maxMonthlyUsd() != null && cost.peakMonthly() > constraints.maxMonthlyUsd()) {
            boolean grows = cost.peakMonthly() > cost.monthly() * (1 + 1e-9);
            reasons.add((grows ? "its costliest month (" : "its monthly cost (") + Money.format(cost.peakMonthly())
                    + ") is over the budget of " + Money.format(constraints.maxMonthlyUsd()));
        }
        return reasons;
    }

    /** The constraints that do not depend on the cost: fit, context, measured latency and pass rate. */
    private List<String> fitReasons(ScenarioCost cost) {
        List<String> reasons = new ArrayList<>();
        PriceRow price = cost.price();
        TokenProfile tokens = cost.tokens();
        Integer promptLimit = price.promptLimit();
        if (promptLimit != null && tokens.maxInput() > promptLimit) {
            reasons.add("its largest prompt (" + tokens(tokens.maxInput()) + " tokens) is over the model's prompt "
                    + "limit of " + tokens(promptLimit));
        } else if (price.contextWindow() != null && tokens.maxTotal() > price.contextWindow()) {
            reasons.add("its largest request (" + tokens(tokens.maxTotal()) + " tokens in and out) does not fit the "
                    + "context window of " + tokens(price.contextWindow()));
        }
        if (price.maxOutput() != null && tokens.maxOutput() > price.maxOutput()) {
            reasons.add("it expects up to " + tokens(tokens.maxOutput()) + " output tokens, the model allows "
                    + tokens(price.maxOutput()));
        }
        if (constraints.minContext() != null) {
            // The prompt limit, not the window: a 400k window that takes at most 272k of input holds no 300k prompt.
            String limit = price.maxInput() != null ? "maximum input" : "context window";
            if (promptLimit == null) {
                reasons.add("its context window is unknown (" + tokens(constraints.minContext()) + " required)");
            } else if (promptLimit < constraints.minContext()) {
                reasons.add("its " + limit + " of " + tokens(promptLimit) + " is under the "
                        + tokens(constraints.minContext()) + " required");
            }
        }
        ModelEvidence measured = evidence.get(ProviderNames.key(cost.model()));
        if (constraints.maxP95Latency() != null) {
            if (measured == null || measured.p95Latency() == null) {
                reasons.add("no p95 latency was measured for it (run it in the benchmark or compare report)");
            } else if (measured.p95Latency().compareTo(constraints.maxP95Latency()) > 0) {
                reasons.add("its p95 latency of " + Durations.format(measured.p95Latency()) + " is over "
                        + Durations.format(constraints.maxP95Latency()) + " (" + measured.source() + ")");
            }
        }
        if (constraints.minPassRate() != null) {
            if (measured == null || measured.passRate() == null) {
                reasons.add("no pass rate was measured for it (run it in the compare report)");
            } else if (measured.passRate() < constraints.minPassRate()) {
                reasons.add("its pass rate of " + percent(measured.passRate()) + " is under "
                        + percent(constraints.minPassRate()) + " (" + measured.source() + ")");
            }
        }
        return reasons;
    }

    private String verdict(ScenarioCost chosen, int models) {
        if (chosen == null) {
            return models == 0 ? "No priced model to recommend."
                    : "No model meets every constraint; the reasons for each are below.";
        }
        StringBuilder text = new StringBuilder("Recommended: ").append(chosen.model()).append(", ")
                .append(Money.format(chosen.monthly())).append("/month");
        if (chosen.peakMonthly() > chosen.monthly() * (1 + 1e-9)) {
            text.append(" (").append(Money.format(chosen.peakMonthly())).append(" in the costliest month)");
        }
        text.append(", ").append(Money.format(chosen.period())).append(" over the period: the cheapest of ")
                .append(models).append(models == 1 ? " model" : " models")
                .append(constraints.any() ? " that meets every constraint." : " (no constraints given).");
        if (chosen.price().origin() == PriceOrigin.UNPRICED) {
            text.append(" Its cost is zero only because nobody priced it: set a price (e.g. per-hour) in the config.");
        }
        return text.toString();
    }
}
