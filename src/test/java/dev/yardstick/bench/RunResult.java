package dev.yardstick.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one worker run measured, passed from the worker JVM to the coordinator as one {@code RESULT k=v ...} line.
 * Latency errors are the client-observed value minus the injected one, in microseconds.
 */
record RunResult(String client, long completed, long errors, double seconds, double cpuSeconds,
                 long ttftErrP50, long ttftErrP99, long e2eErrP50, long e2eErrP99) {

    static final String PREFIX = "RESULT ";

    double requestsPerSecond() {
        return completed / seconds;
    }

    /** Cores the client process kept busy (JIT, GC and the HTTP engine's own threads included). */
    double cores() {
        return cpuSeconds / seconds;
    }

    double cpuMicrosPerRequest() {
        return completed == 0 ? Double.NaN : cpuSeconds * 1e6 / completed;
    }

    String toLine() {
        return PREFIX + String.format(Locale.ROOT,
                "client=%s completed=%d errors=%d seconds=%.3f cpuSeconds=%.3f ttftErrP50=%d ttftErrP99=%d "
                        + "e2eErrP50=%d e2eErrP99=%d",
                client, completed, errors, seconds, cpuSeconds, ttftErrP50, ttftErrP99, e2eErrP50, e2eErrP99);
    }

    static RunResult parse(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : line.substring(PREFIX.length()).trim().split(" ")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new RunResult(fields.get("client"), Long.parseLong(fields.get("completed")),
                Long.parseLong(fields.get("errors")), Double.parseDouble(fields.get("seconds")),
                Double.parseDouble(fields.get("cpuSeconds")), Long.parseLong(fields.get("ttftErrP50")),
                Long.parseLong(fields.get("ttftErrP99")), Long.parseLong(fields.get("e2eErrP50")),
                Long.parseLong(fields.get("e2eErrP99")));
    }
}
