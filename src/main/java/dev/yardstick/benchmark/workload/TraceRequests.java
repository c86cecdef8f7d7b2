package dev.yardstick.benchmark.workload;

import dev.yardstick.config.ModelParams;
import dev.yardstick.engine.PlannedRequest;
import dev.yardstick.engine.RequestSource;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.report.WorkloadReport;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * A trace's requests at the trace's own times, scaled ({@code --time-scale 0.5} replays twice as fast), each asking
 * for its traced output length as its max tokens. With several models every traced request goes to each of them at
 * its time, so each model sees the trace's load. The open loop sends them at these times, and latency counts from
 * them.
 */
public final class TraceRequests implements RequestSource {

    private final Trace trace;
    private final double timeScale;
    private final List<String> models;
    private final ModelParams params;
    private final TracePrompts prompts;
    private final long size;

    /** @param limit how many of the trace's requests to replay (the first ones), null for all */
    public TraceRequests(Trace trace, double timeScale, Long limit, List<String> models, ModelParams params,
                         long seed, Map<String, ModelClient> clients) {
        this.trace = trace;
        this.timeScale = timeScale;
        this.models = List.copyOf(models);
        this.params = params == null ? ModelParams.DEFAULTS : params;
        this.prompts = new TracePrompts(seed, clients);
        long entries = limit == null ? trace.entries().size() : Math.min(limit, trace.entries().size());
        this.size = entries * models.size();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public PlannedRequest get(long index) {
        int entryIndex = Math.toIntExact(index / models.size());
        TraceEntry entry = trace.entries().get(entryIndex);
        String model = models.get((int) (index % models.size()));
        ModelParams asked = params.overriddenBy(new ModelParams(null, outputTokens(entry), null, null, null));
        return new PlannedRequest(index, model, "trace-" + entryIndex, 0, prompts.messages(entry, entryIndex, model),
                asked, false);
    }

    @Override
    public boolean timed() {
        return true;
    }

    @Override
    public long startNanos(long index) {
        return Math.round(trace.entries().get(Math.toIntExact(index / models.size())).offsetNanos() * timeScale);
    }

    /** The max tokens asked of a traced request: its output length, at least 1 (a server refuses 0). */
    static int outputTokens(TraceEntry entry) {
        return Math.max(1, entry.outputTokens());
    }

    /** The output length request {@code index} asked for. */
    public int askedOutputTokens(long index) {
        return outputTokens(trace.entries().get(Math.toIntExact(index / models.size())));
    }

    /** What was replayed: the requests, the scaled span, and the prefix blocks sent and repeated. */
    WorkloadReport.TraceReplay report() {
        int replayed = (int) (size / models.size());
        Set<Long> seen = new HashSet<>();
        long blocks = 0;
        long repeated = 0;
        for (TraceEntry entry : trace.entries().subList(0, replayed)) {
            for (long id : entry.hashIds()) {
                blocks++;
                if (!seen.add(id)) {
                    repeated++;
                }
            }
        }
        double span = replayed == 0 ? 0 : trace.entries().get(replayed - 1).offsetNanos() * timeScale / 1e9;
        return new WorkloadReport.TraceReplay(trace.name(), trace.format().label(), replayed, timeScale, span, blocks,
                repeated);
    }
}
