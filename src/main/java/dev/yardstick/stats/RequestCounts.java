package dev.yardstick.stats;

import dev.yardstick.engine.ErrorClass;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happened to a model's counted (non-warm-up) requests.
 *
 * @param attempted       counted requests, successes and failures
 * @param succeeded       requests that completed without error (a request that succeeded after retries is one)
 * @param failed          attempted − succeeded
 * @param retries         extra attempts beyond the first, over all counted requests
 * @param warmupsSkipped  warm-up requests, outside every other figure
 * @param metSlo          successes that met every SLO (goodput's numerator)
 * @param errors          failures by class label ({@link ErrorClass#label()}), in the enum's order, zeros left out
 */
public record RequestCounts(long attempted, long succeeded, long failed, long retries, long warmupsSkipped,
                            long metSlo, Map<String, Long> errors) {

    public RequestCounts {
        errors = Collections.unmodifiableMap(ordered(errors));
    }

    public RequestCounts plus(RequestCounts other) {
        Map<String, Long> sum = new LinkedHashMap<>(errors);
        other.errors.forEach((label, count) -> sum.merge(label, count, Long::sum));
        return new RequestCounts(attempted + other.attempted, succeeded + other.succeeded, failed + other.failed,
                retries + other.retries, warmupsSkipped + other.warmupsSkipped, metSlo + other.metSlo, sum);
    }

    /** Known classes in the enum's order, then any other label (from a newer file) as given; zeros dropped. */
    private static Map<String, Long> ordered(Map<String, Long> errors) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (ErrorClass c : ErrorClass.values()) {
            Long n = errors.get(c.label());
            if (n != null && n > 0) {
                out.put(c.label(), n);
            }
        }
        errors.forEach((label, n) -> {
            if (n != null && n > 0) {
                out.putIfAbsent(label, n);
            }
        });
        return out;
    }
}
