package dev.yardstick.report;

import dev.yardstick.config.ToolVersion;
import dev.yardstick.engine.ClientWarmupReport;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The header every report carries: what made it (tool, version, command and its settings), when, and whether the
 * run was interrupted, so a report read months later still says how its numbers came about.
 *
 * @param clientWarmup how each model's client path was run off the clock before its first measured request; null
 *                     for reports that ran no request (merge, diff) and for reports written before it existed
 */
public record RunInfo(String tool, String version, String command, Instant startedAt, Instant finishedAt,
                      boolean interrupted, Map<String, Object> settings, ClientWarmupReport clientWarmup) {

    public RunInfo {
        // In the order given: Map.copyOf's order changes from one JVM to the next, and so would the report's.
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A run that sent no request of its own (a merge, a diff). */
    public RunInfo(String tool, String version, String command, Instant startedAt, Instant finishedAt,
                   boolean interrupted, Map<String, Object> settings) {
        this(tool, version, command, startedAt, finishedAt, interrupted, settings, null);
    }

    /** The header of a run of this tool that ends now: every command's report starts with one. */
    public static RunInfo endingNow(String command, Instant startedAt, boolean interrupted, Map<String, Object> settings,
                                    ClientWarmupReport clientWarmup) {
        return new RunInfo("yardstick", ToolVersion.current(), command, startedAt, Instant.now(), interrupted, settings,
                clientWarmup);
    }

    /** The line tables and Markdown show for the client warm-up, when there was one. */
    public Optional<Document.KeyValue> clientWarmupLine() {
        return clientWarmup == null ? Optional.empty()
                : Optional.of(new Document.KeyValue("client warm-up", clientWarmup.describe()));
    }
}
