package dev.yardstick.benchmark.workload;

import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleListener;
import dev.yardstick.report.WorkloadReport;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongToIntFunction;

/**
 * Checks every successful answer's length (the server's usage where it reports one, else the model's tokenizer)
 * against the length its request asked for.
 */
final class OutputLengthCheck implements SampleListener {

    private final LongToIntFunction asked;
    private final boolean forced;
    private final List<String> how;
    private final LongAdder checked = new LongAdder();
    private final LongAdder shorter = new LongAdder();
    private final LongAdder longer = new LongAdder();

    /**
     * @param asked   the output length request {@code sequence} asked for
     * @param forced  whether any model's protocol was asked for the exact length
     * @param how     per model, how the length was asked
     */
    OutputLengthCheck(LongToIntFunction asked, boolean forced, List<String> how) {
        this.asked = asked;
        this.forced = forced;
        this.how = List.copyOf(how);
    }

    @Override
    public void onSample(Sample sample) {
        if (sample.warmup() || !sample.ok() || sample.tokens() == null) {
            return;
        }
        checked.increment();
        int want = asked.applyAsInt(sample.sequence());
        int got = sample.tokens().output();
        if (got < want) {
            shorter.increment();
        } else if (got > want) {
            longer.increment();
        }
    }

    WorkloadReport.OutputLength report() {
        return new WorkloadReport.OutputLength(forced, how, checked.sum(), shorter.sum(), longer.sum());
    }
}
