package dev.yardstick.report;

import java.time.Instant;
import java.util.Map;

/**
 * The header every report carries: what made it (tool, version, command and its settings), when, and whether the
 * run was interrupted, so a report read months later still says how its numbers came about.
 */
public record RunInfo(String tool, String version, String command, Instant startedAt, Instant finishedAt,
                      boolean interrupted, Map<String, Object> settings) {

    public RunInfo {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
