package dev.yardstick.benchmark;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.yardstick.engine.SampleListener;
import dev.yardstick.export.Json;
import dev.yardstick.report.SampleJournal;
import dev.yardstick.report.SampleRecord;
import dev.yardstick.report.SampleRecords;
import dev.yardstick.report.WriteFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code --samples FILE}: every measured sample as a JSONL line the moment it completes, with its step, so a crash or
 * Ctrl-C loses nothing that completed; a write that fails is reported once and the run goes on. Warm-up samples are
 * left out, as they are from every statistic.
 */
final class BenchmarkJournal implements AutoCloseable {

    private final SampleJournal journal;

    /** A line: the step, then the sample's own fields. */
    record Entry(int step, String load, @JsonUnwrapped SampleRecord sample) {
    }

    BenchmarkJournal(Path file, Consumer<WriteFailure> onFailure) {
        this.journal = new SampleJournal(file, Json.mapper(), onFailure);
    }

    SampleListener forStep(LoadStep step) {
        return sample -> {
            if (!sample.warmup()) {
                journal.append(new Entry(step.number(), step.label(), SampleRecords.of(sample, List.of(), null)));
            }
        };
    }

    @Override
    public void close() {
        journal.close();
    }
}
