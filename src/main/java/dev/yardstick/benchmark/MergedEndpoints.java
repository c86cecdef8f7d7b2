package dev.yardstick.benchmark;

import dev.yardstick.report.EndpointStats;
import dev.yardstick.stats.MetricsRecorder;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.StatsMerger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pools' figures per endpoint of one step as merged reports ran it: each endpoint's statistics merged as a
 * model's are, its ejections and readmissions added.
 */
final class MergedEndpoints {

    private MergedEndpoints() {
    }

    /** @param parts each part's endpoints of the step (null where it had no pool); null when none had any */
    static List<EndpointStats> of(StatsMerger.Rule rule, List<List<EndpointStats>> parts) {
        if (parts.stream().allMatch(Objects::isNull)) {
            return null;
        }
        List<List<EndpointStats>> present = parts.stream().filter(Objects::nonNull).toList();
        Map<String, ModelStats> merged = new LinkedHashMap<>();
        StatsMerger.merge(rule, present.stream().map(part -> part.stream().map(EndpointStats::stats)
                .filter(Objects::nonNull).toList()).toList()).forEach(s -> merged.put(s.model(), s));
        Map<String, EndpointStats> byEndpoint = new LinkedHashMap<>();
        for (List<EndpointStats> part : present) {
            for (EndpointStats e : part) {
                String label = MetricsRecorder.endpointLabel(e.pool(), e.endpoint());
                byEndpoint.merge(label, new EndpointStats(e.pool(), e.endpoint(), e.ejected(), e.readmitted(),
                        merged.get(label)), (a, b) -> new EndpointStats(a.pool(), a.endpoint(),
                        a.ejected() + b.ejected(), a.readmitted() + b.readmitted(), a.stats()));
            }
        }
        return List.copyOf(byEndpoint.values());
    }
}
