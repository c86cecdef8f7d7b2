package dev.yardstick.cost;

import dev.yardstick.config.InputException;
import dev.yardstick.cost.prices.PriceCatalog;
import dev.yardstick.cost.recommend.Constraints;
import dev.yardstick.cost.recommend.CostAnalysis;
import dev.yardstick.cost.workload.ModelEvidence;
import dev.yardstick.cost.workload.ObservedUsage;
import dev.yardstick.cost.workload.RunEvidence;
import dev.yardstick.cost.workload.Scenario;
import dev.yardstick.cost.workload.Shares;
import dev.yardstick.cost.workload.UsageColumns;
import dev.yardstick.cost.workload.Volume;
import dev.yardstick.cost.workload.WorkloadOverrides;
import dev.yardstick.provider.TokenCounter;
import dev.yardstick.report.CostReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One cost analysis as {@code cost-analyze} asks for it: the scenarios assembled from their files or from the
 * command line, with the tokens of real usage where given; every candidate costed, ranked and judged on the
 * constraints, with what the run reports measured as the evidence.
 */
public final class CostAnalyzeRun {

    /**
     * What to analyse.
     *
     * @param scenarioFiles the scenarios; none to make one of the observed usage and the workload settings
     * @param models        the candidates, replacing the scenarios' lists; none to take the scenarios' or the
     *                      reports' models
     * @param usage         a run report or a usage log whose tokens replace the scenarios'; null for none
     * @param reports       run reports whose measurements the constraints are judged on
     */
    public record Request(List<Path> scenarioFiles, List<String> models, Path usage, UsageColumns columns,
                          List<Path> reports, WorkloadOverrides workload, Constraints constraints) {
        public Request {
            scenarioFiles = List.copyOf(scenarioFiles);
            models = List.copyOf(models);
            reports = List.copyOf(reports);
        }
    }

    private final CostAnalysis analysis;

    /** @param counters each model's tokenizer by {@code provider/model} */
    public CostAnalyzeRun(PriceCatalog catalog, Function<String, TokenCounter> counters) {
        this.analysis = new CostAnalysis(catalog, counters);
    }

    public CostReport run(Request request) {
        Constraints wanted = request.constraints();
        ObservedUsage usage = request.usage() == null ? null
                : ObservedFiles.usage(request.usage(), request.columns());
        List<RunEvidence> reports = request.reports().stream().map(ObservedFiles::report).toList();
        Map<String, ModelEvidence> evidence = new LinkedHashMap<>();
        if (usage != null) {
            evidence.putAll(usage.evidence());
        }
        reports.forEach(report -> evidence.putAll(report.evidence()));
        if ((wanted.maxP95Latency() != null || wanted.minPassRate() != null) && evidence.isEmpty()) {
            throw new InputException("--max-p95-latency and --min-pass-rate are judged on a report: give one with "
                    + "--report FILE (a compare, benchmark or switch-test report, JSON)");
        }
        List<String> models = unique(request.models());
        List<String> observed = observedModels(usage, reports);
        List<Scenario> scenarios = new ArrayList<>();
        if (request.scenarioFiles().isEmpty()) {
            scenarios.add(fromFlags(usage, models.isEmpty() ? observed : models, request.workload()));
        }
        for (Path file : request.scenarioFiles()) {
            Scenario scenario = Scenario.load(file, usage == null ? null : usage.workload());
            scenario = usage == null ? scenario : usage.applyTo(scenario);
            if (scenario.models().isEmpty()) {
                scenario = scenario.withModels(observed);
            }
            scenarios.add(request.workload().applyTo(scenario));
        }
        CostReport report = CostReport.of(analysis.run(scenarios, models, wanted, evidence), wanted);
        if (report.scenarios().stream().allMatch(s -> s.ranked().isEmpty())) {
            throw new InputException(report.unpriced().isEmpty() ? "no model to cost" : report.unpriced().get(0));
        }
        return report;
    }

    /** The scenario the command line describes: the observed tokens at the volume given or observed. */
    private static Scenario fromFlags(ObservedUsage usage, List<String> models, WorkloadOverrides workload) {
        if (usage == null) {
            throw new InputException("give a scenario file (see scenarios/), or --usage FILE with "
                    + "--requests-per-day N");
        }
        if (models.isEmpty()) {
            throw new InputException("name the candidate models with -m PROVIDER/MODEL (a scenario file or a run "
                    + "report could list them)");
        }
        Double observedRate = usage.requestsPerDay().orElse(null);
        if (!workload.setsVolume() && observedRate == null) {
            throw new InputException("without a scenario file, give the volume with --requests-per-day N or "
                    + "--requests-per-month N");
        }
        Volume volume = workload.setsVolume() ? workload.volume(null)
                : workload.volume(Volume.perDay(observedRate, 0, Volume.MONTH_DAYS));
        Scenario scenario = usage.applyTo(new Scenario(usage.name(), null, models, volume, usage.workload(),
                Shares.NONE, 24));
        return scenario.withShares(workload.shares(scenario.shares()));
    }

    /** The models the usage and the reports ran, each once, in the order first seen. */
    private static List<String> observedModels(ObservedUsage usage, List<RunEvidence> reports) {
        LinkedHashSet<String> models = new LinkedHashSet<>(usage == null ? List.of() : usage.models());
        reports.forEach(report -> models.addAll(report.models()));
        return List.copyOf(models);
    }

    private static List<String> unique(List<String> models) {
        LinkedHashSet<String> unique = new LinkedHashSet<>(models);
        if (unique.size() < models.size()) {
            throw new InputException("the same model is named twice: give each -m once");
        }
        return List.copyOf(unique);
    }
}
