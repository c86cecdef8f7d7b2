package dev.yardstick.stats;

import dev.yardstick.config.Durations;
import dev.yardstick.config.InputException;
import dev.yardstick.engine.Sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SLOs a request must all meet to count as goodput, parsed from {@code ttft=500ms,e2e=5s,itl=50ms,tpot=20ms}.
 * With no SLOs every success counts, so goodput equals request throughput.
 */
public record SloSet(List<Slo> slos) {

    public static final SloSet NONE = new SloSet(List.of());

    private static final Set<Metric> ALLOWED = EnumSet.copyOf(
            Arrays.stream(Metric.values()).filter(Metric::sloAllowed).toList());

    public SloSet {
        slos = List.copyOf(slos);
    }

    /** Parses the user's text; null, blank or {@code none} mean no SLOs. Bad text → one-line InputException. */
    public static SloSet parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
            return NONE;
        }
        List<Slo> parsed = new ArrayList<>();
        Set<Metric> seen = EnumSet.noneOf(Metric.class);
        for (String part : text.split(",", -1)) {
            Slo slo = parseOne(part.trim(), text);
            if (!seen.add(slo.metric())) {
                throw new InputException("SLO '" + slo.metric().key() + "' is given twice in '" + text + "'");
            }
            parsed.add(slo);
        }
        return new SloSet(parsed);
    }

    private static Slo parseOne(String part, String whole) {
        int eq = part.indexOf('=');
        if (eq < 0) {
            throw new InputException("malformed SLO '" + part + "' in '" + whole
                    + "' (expected e.g. ttft=500ms,e2e=5s,itl=50ms,tpot=20ms)");
        }
        String key = part.substring(0, eq).trim();
        Metric metric = ALLOWED.stream().filter(m -> m.key().equalsIgnoreCase(key)).findFirst()
                .orElseThrow(() -> new InputException("unknown SLO metric '" + key + "' in '" + whole + "' (use "
                        + ALLOWED.stream().map(Metric::key).collect(Collectors.joining(", ")) + ")"));
        try {
            return new Slo(metric, Durations.parse(part.substring(eq + 1).trim()));
        } catch (InputException e) {
            throw new InputException("SLO " + metric.key() + " in '" + whole + "': " + e.getMessage());
        }
    }

    /** True when the sample succeeded and met every SLO; an errored request never does. */
    public boolean meets(Sample sample) {
        if (!sample.ok()) {
            return false;
        }
        for (Slo slo : slos) {
            if (!slo.meets(sample)) {
                return false;
            }
        }
        return true;
    }

    public boolean none() {
        return slos.isEmpty();
    }

    /** Canonical text, parseable again: {@code ttft=500ms,e2e=5s}, or {@code none}. */
    public String text() {
        return slos.isEmpty() ? "none" : slos.stream().map(Slo::text).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return text();
    }
}
