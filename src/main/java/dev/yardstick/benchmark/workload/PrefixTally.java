package dev.yardstick.benchmark.workload;

import dev.yardstick.benchmark.SharedPrefix;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleListener;
import dev.yardstick.report.WorkloadReport;

/**
 * First-token times of requests that began with the shared prefix (a server's prefix cache could serve it) apart
 * from those that began with a prefix of their own.
 */
final class PrefixTally implements SampleListener {

    private final SharedPrefix prefix;
    private final LatencyTally eligible = new LatencyTally();
    private final LatencyTally cold = new LatencyTally();

    PrefixTally(SharedPrefix prefix) {
        this.prefix = prefix;
    }

    @Override
    public void onSample(Sample sample) {
        if (sample.warmup() || !sample.ok() || sample.ttftNanos() < 0) {
            return;
        }
        (sample.promptId().endsWith(SharedPrefix.SHARED_ID_SUFFIX) ? eligible : cold).record(sample.ttftNanos());
    }

    WorkloadReport.Prefix report() {
        return new WorkloadReport.Prefix(prefix.tokens(), prefix.share(), eligible.summary(), cold.summary());
    }
}
