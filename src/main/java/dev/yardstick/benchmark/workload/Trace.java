package dev.yardstick.benchmark.workload;

import java.nio.file.Path;
import java.util.List;

/**
 * A request log to replay: its requests in the order of their offsets (the first at 0).
 *
 * @param source   the file it was read from
 * @param format   the format it was read as; null when it could not be told from the content (the plan then needs
 *                 {@code --trace-format})
 */
public record Trace(Path source, TraceFormat format, List<TraceEntry> entries) {

    public Trace {
        entries = List.copyOf(entries);
    }

    /** The time from the first request's start to the last's, in nanoseconds. */
    public long spanNanos() {
        return entries.isEmpty() ? 0 : entries.getLast().offsetNanos();
    }

    /** The file name, as reports name the trace. */
    public String name() {
        return source.getFileName() == null ? source.toString() : source.getFileName().toString();
    }

    @Override
    public String toString() {
        return source.toString(); // how the settings keep it
    }
}
