package dev.yardstick.benchmark.workload;

import dev.yardstick.benchmark.BenchmarkPlan;
import dev.yardstick.benchmark.LoadStep;
import dev.yardstick.benchmark.PromptSource;
import dev.yardstick.config.ModelParams;
import dev.yardstick.engine.RequestSource;
import dev.yardstick.engine.SampleListener;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.WorkloadReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongToIntFunction;

/**
 * One step's workload beyond plain requests: the requests of a replayed trace or of sessions (null: the plan's usual
 * requests), the listeners that tally what the workload adds to the figures, and the report of it.
 */
public final class Workload {

    private final TraceRequests trace;
    private final SessionRequests sessions;
    private final PrefixTally prefix;
    private final OutputLengthCheck outputLength;

    private Workload(TraceRequests trace, SessionRequests sessions, PrefixTally prefix,
                     OutputLengthCheck outputLength) {
        this.trace = trace;
        this.sessions = sessions;
        this.prefix = prefix;
        this.outputLength = outputLength;
    }

    /**
     * @param prompts    the plan's prompts (a session's turns draw their questions from it)
     * @param cancelled  the run's cancellation, which ends a session's wait for its next turn
     */
    public static Workload forStep(BenchmarkPlan plan, LoadStep step, PromptSource prompts,
                                   Map<String, ModelClient> clients, BooleanSupplier cancelled) {
        ModelParams params = plan.models().getFirst().params();
        TraceRequests trace = plan.trace() == null ? null : new TraceRequests(plan.trace(), plan.timeScale(),
                plan.requests(), plan.labels(), params, plan.seed(), clients);
        SessionRequests sessions = plan.sessions() == null ? null : new SessionRequests(plan.sessions(),
                plan.turns(), plan.thinkTime(), step.load(), plan.labels(), params, prompts, plan.seed(), cancelled);
        PrefixTally prefix = plan.prefix() == null ? null : new PrefixTally(plan.prefix());
        OutputLengthCheck check = null;
        if (plan.exactOutputTokens()) {
            LongToIntFunction asked = trace != null ? trace::askedOutputTokens : sequence -> plan.outputTokens();
            List<String> how = new ArrayList<>();
            boolean forced = false;
            for (String label : plan.labels()) {
                boolean forcible = ExactOutput.forcible(clients.get(label).chatModel());
                forced |= forcible;
                how.add(label + ": " + (forcible ? ExactOutput.FORCED : ExactOutput.MAXIMUM_ONLY));
            }
            check = new OutputLengthCheck(asked, forced, how);
        }
        return new Workload(trace, sessions, prefix, check);
    }

    /** The step's requests, or null when they are the plan's usual ones. */
    public RequestSource requests() {
        return trace != null ? trace : sessions;
    }

    /** Hears every sample: the sessions (to release their next turns) and the tallies. */
    public SampleListener listener() {
        List<SampleListener> all = new ArrayList<>();
        if (sessions != null) {
            all.add(sessions);
        }
        if (prefix != null) {
            all.add(prefix);
        }
        if (outputLength != null) {
            all.add(outputLength);
        }
        return SampleListener.all(all.toArray(SampleListener[]::new));
    }

    /** The step's workload figures, null when it had none beyond plain requests. */
    public WorkloadReport report(int step) {
        if (trace == null && sessions == null && prefix == null && outputLength == null) {
            return null;
        }
        return new WorkloadReport(step, trace == null ? null : trace.report(),
                sessions == null ? null : sessions.report(), prefix == null ? null : prefix.report(),
                outputLength == null ? null : outputLength.report());
    }

    /** What a reader must be warned of (on stderr): answers not of the exact length asked. */
    public static List<String> warnings(BenchmarkReport report) {
        List<String> warnings = new ArrayList<>();
        if (report.workloads() != null) {
            for (WorkloadReport w : report.workloads()) {
                WorkloadReport.OutputLength o = w.outputLength();
                if (o != null && o.unmet() > 0) {
                    warnings.add("step " + w.step() + ": " + o.unmet() + " of " + o.checked() + " answers were not of"
                            + " the exact output length asked (" + o.shorter() + " shorter, " + o.longer()
                            + " longer)" + (o.forced() ? "" : "; the protocol could only ask for a maximum"));
                }
            }
        }
        return warnings;
    }
}
