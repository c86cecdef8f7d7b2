package dev.yardstick.compare;

import dev.yardstick.config.PromptCase;
import dev.yardstick.config.PromptSet;
import dev.yardstick.config.YardstickConfig;
import dev.yardstick.engine.ClientWarmupReport;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleListener;
import dev.yardstick.engine.TokenCounts;
import dev.yardstick.eval.CaseResult;
import dev.yardstick.eval.CheckResult;
import dev.yardstick.eval.Checker;
import dev.yardstick.eval.JudgeUsage;
import dev.yardstick.eval.Judges;
import dev.yardstick.eval.SuiteAssertions;
import dev.yardstick.export.Json;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.provider.TokenSource;
import dev.yardstick.report.CompareReport;
import dev.yardstick.report.ModelInfo;
import dev.yardstick.report.RunInfo;
import dev.yardstick.report.SampleJournal;
import dev.yardstick.report.SampleRecord;
import dev.yardstick.report.SampleRecords;
import dev.yardstick.report.WriteFailure;
import dev.yardstick.stats.MetricsRecorder;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.SloSet;
import dev.yardstick.stats.SourceCounts;
import dev.yardstick.watch.ClientUsage;
import dev.yardstick.watch.ClientWatch;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * One compare run's collector: each sample is checked against its prompt's expectations, recorded into the
 * statistics, journaled to the samples file if asked, and kept for the report (a compare is small enough to keep
 * every answer). Builds the report at the end, or at an interruption from what finished.
 */
final class CompareCollector implements SampleListener, AutoCloseable {

    private final OpenedModels models;
    private final PromptSet prompts;
    private final MetricsRecorder stats = new MetricsRecorder(SloSet.NONE, Instant.now());
    private final ConcurrentLinkedQueue<SampleRecord> records = new ConcurrentLinkedQueue<>();
    private final SampleJournal journal;
    private final Pricing pricing;
    /** Watches the client from the moment the run is set up; stopped when the report is built. */
    private final ClientWatch watch = ClientWatch.start();
    private final LongAdder ended = new LongAdder();
    /** The cases' assertions, compiled before the first request. */
    private final SuiteAssertions assertions;
    /** The judges of graded assertions: what they spent is reported apart from the models' figures. */
    private final Judges judges;

    /**
     * @param onWriteFailure told once when the samples file stops accepting lines (the run goes on)
     * @param judges         where graded assertions find their judge model (asked after a sample ended, off its clock)
     */
    CompareCollector(OpenedModels models, PromptSet prompts, Path samplesFile, YardstickConfig config,
                      Map<String, String> env, Consumer<WriteFailure> onWriteFailure, Judges judges) {
        this.models = models;
        this.prompts = prompts;
        this.assertions = SuiteAssertions.of(prompts, judges);
        this.judges = judges;
        this.journal = samplesFile == null ? null : new SampleJournal(samplesFile, Json.mapper(), onWriteFailure);
        this.pricing = Pricing.load(config, env);
        stats.expecting(models.labels());
    }

    @Override
    public void onSample(Sample sample) {
        ended.increment();
        if (sample.warmup()) {
            stats.record(sample); // counted as a warm-up, excluded from every figure
            return;
        }
        PromptCase prompt = prompt(sample.promptId());
        long latency = sample.cached() ? -1 : sample.e2eNanos(); // a replayed answer was never timed
        List<CheckResult> checks = sample.ok()
                ? Checker.check(prompt.expect(), sample.text(), sample.tokens().output(), latency)
                : List.of();
        Double cost = sample.ok() ? pricing.cost(sample.model(), sample.tokens()) : null;
        CaseResult grade = sample.ok() ? assertions.grade(prompt.id(), sample.model(), sample.text(),
                sample.tokens().output(), latency, cost).orElse(null) : null;
        SampleRecord record = SampleRecords.of(sample, checks, cost, grade);
        stats.record(sample);
        records.add(record);
        if (journal != null) {
            journal.append(record);
        }
    }

    private PromptCase prompt(String id) {
        return prompts.prompts().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** @param clientWarmup how the clients were warmed before the first measured request, null if they were not */
    CompareReport report(Instant started, boolean interrupted, Map<String, Object> settings,
                                ClientWarmupReport clientWarmup) {
        ClientUsage usage = watch.stop(ended.sum());
        List<SampleRecord> samples = new ArrayList<>(records);
        List<ModelStats> perModel = stats.snapshot();
        samples.sort(Comparator.comparingLong(SampleRecord::sequence));
        List<ModelInfo> infos = new ArrayList<>();
        for (String label : models.labels()) {
            // The samples' sources, not the tokenizer's: a server that reports usage makes the counts "reported".
            String source = perModel.stream().filter(s -> s.model().equals(label)).findFirst()
                    .flatMap(s -> SourceCounts.describe(s.tokens().inputSources(), s.tokens().outputSources()))
                    .orElse(models.get(label).tokenCounter().source().label());
            infos.add(ModelInfo.of(label, models.get(label), source, pricing.priceOf(label).orElse(null)));
        }
        List<CompareReport.PromptInfo> promptInfos = prompts.prompts().stream()
                .map(p -> new CompareReport.PromptInfo(p.id(), p.promptText(), p.messages().size())).toList();
        List<CompareReport.ModelSummary> summaries = new ArrayList<>();
        for (String label : models.labels()) {
            ModelStats modelStats = perModel.stream().filter(s -> s.model().equals(label)).findFirst().orElseThrow();
            List<SampleRecord> mine = samples.stream().filter(s -> s.model().equals(label)).toList();
            Double cost = pricing.priceOf(label).isEmpty() ? null
                    : mine.stream().mapToDouble(s -> s.costUsd() == null ? 0 : s.costUsd()).sum();
            long succeeded = mine.stream().filter(SampleRecord::ok).count();
            int passed = (int) mine.stream().flatMap(s -> s.checks().stream()).filter(CheckResult::passed).count();
            int total = (int) mine.stream().mapToLong(s -> s.checks().size()).sum();
            // A failed request to a graded case counts as a failed case: a quality gate never passes on silence.
            int graded = (int) mine.stream().filter(s -> assertions.grades(s.promptId(), label)).count();
            int casesPassed = (int) mine.stream().filter(s -> s.grade() != null && s.grade().pass()).count();
            summaries.add(new CompareReport.ModelSummary(label, modelStats, cost,
                    cost == null || succeeded == 0 ? null : cost / succeeded, passed, total, casesPassed, graded));
        }
        RunInfo run = RunInfo.endingNow("compare", started, interrupted, settings, clientWarmup);
        return new CompareReport(run, infos, promptInfos, samples, summaries, CompareReport.definitions(), usage,
                null, null, judges.usage().stream().map(this::priced).toList());
    }

    /** A judge's spending with its cost by the same catalog as the models' (null when the judge has no price). */
    private CompareReport.JudgeSummary priced(JudgeUsage judge) {
        TokenCounts tokens = new TokenCounts((int) judge.inputTokens(), (int) judge.outputTokens(), null, 0, 0,
                TokenSource.REPORTED);
        return new CompareReport.JudgeSummary(judge.model(), judge.calls(), judge.failures(), judge.inputTokens(),
                judge.outputTokens(), judge.tokenSource(), pricing.cost(judge.model(), tokens),
                pricing.priceOf(judge.model()).orElse(null));
    }

    @Override
    public void close() {
        watch.close();
        if (journal != null) {
            journal.close();
        }
    }
}
