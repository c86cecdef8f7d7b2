package dev.yardstick.benchmark.workload;

import dev.yardstick.benchmark.BenchmarkPlan;
import dev.yardstick.benchmark.BenchmarkRun;
import dev.yardstick.benchmark.StepObserver;
import dev.yardstick.cli.BenchmarkOptions;
import dev.yardstick.config.YardstickConfig;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.ProviderRegistry;
import dev.yardstick.provider.http.LeanHttpClient;
import dev.yardstick.provider.local.LocalProvider;
import dev.yardstick.report.BenchmarkReport;
import java.util.List;
import java.util.Map;

/** Runs a benchmark plan given as settings (plan-file keys) with the real clients, as the command does. */
final class WorkloadRuns {

    private WorkloadRuns() {
    }

    static BenchmarkReport run(Map<String, Object> settings) {
        BenchmarkPlan plan = BenchmarkOptions.fromSettings(settings, "test");
        ProviderContext context = new ProviderContext(Map.of("OPENAI_API_KEY", "sk-test", "ANTHROPIC_API_KEY",
                "sk-ant-test"), YardstickConfig.EMPTY);
        try (OpenedModels models = ProviderRegistry.create(context, List.of(new LocalProvider()), LeanHttpClient::builder)
                .open(plan.models())) {
            return new BenchmarkRun(plan, models, null, failure -> {
                throw new AssertionError(failure.line());
            }).execute(new StepObserver() {
                @Override
                public void started(LiveStep step) {
                }

                @Override
                public void ended(BenchmarkReport.Step result) {
                }
            });
        }
    }
}
