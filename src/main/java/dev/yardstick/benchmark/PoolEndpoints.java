package dev.yardstick.benchmark;

import dev.yardstick.engine.SampleListener;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.pool.EndpointRouter;
import dev.yardstick.provider.pool.EndpointRouter.Ejections;
import dev.yardstick.report.EndpointStats;
import dev.yardstick.stats.MetricsRecorder;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.SloSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step's (or a comparison's) figures per endpoint of every pool among the models: the samples grouped by the
 * endpoint that answered them, and each endpoint's ejections meanwhile (the pools live for the run, so a step's are
 * the difference).
 */
public final class PoolEndpoints {

    private final Map<String, EndpointRouter> pools = new LinkedHashMap<>();
    private final Map<String, Map<String, Ejections>> before = new LinkedHashMap<>();
    private final MetricsRecorder recorder;

    /** Starts watching the pools among {@code models}: call as the step starts. */
    public PoolEndpoints(Map<String, ModelClient> models, SloSet slos, Integer outputTokensAsked) {
        models.forEach((label, client) -> {
            if (client instanceof EndpointRouter pool) {
                pools.put(label, pool);
                before.put(label, pool.ejections());
            }
        });
        recorder = MetricsRecorder.perEndpoint(slos, Instant.now()).expectingOutputTokens(outputTokensAsked);
    }

    boolean any() {
        return !pools.isEmpty();
    }

    public SampleListener listener() {
        return recorder;
    }

    /** Every endpoint's figures and ejections over the step, by pool then endpoint; null when there is no pool. */
    public List<EndpointStats> stats() {
        if (!any()) {
            return null;
        }
        Map<String, ModelStats> byLabel = new LinkedHashMap<>();
        recorder.snapshot().forEach(s -> byLabel.put(s.model(), s));
        List<EndpointStats> out = new ArrayList<>();
        pools.forEach((label, pool) -> pool.ejections().forEach((endpoint, now) -> {
            Ejections step = now.minus(before.get(label).get(endpoint));
            ModelStats stats = byLabel.get(MetricsRecorder.endpointLabel(label, endpoint));
            if (stats != null || step.ejected() > 0) {
                out.add(new EndpointStats(label, endpoint, step.ejected(), step.readmitted(), stats));
            }
        }));
        return out;
    }
}
