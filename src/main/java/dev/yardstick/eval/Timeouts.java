package dev.yardstick.eval;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.Durations;
import dev.yardstick.config.FieldException;
import dev.yardstick.config.InputException;
import java.time.Duration;

/** A code assertion's {@code config.timeout}: a duration such as {@code 10s}, or milliseconds as a number. */
final class Timeouts {

    private Timeouts() {
    }

    static Duration of(AssertionSpec spec, Duration fallback) {
        Object value = spec.config().get("timeout");
        if (value == null) {
            return fallback;
        }
        try {
            Duration timeout = value instanceof Number n ? Duration.ofMillis(n.longValue())
                    : Durations.parse(String.valueOf(value));
            if (timeout.isZero() || timeout.isNegative()) {
                throw new FieldException("config", "timeout must be positive, got " + value);
            }
            return timeout;
        } catch (FieldException e) {
            throw e;
        } catch (InputException e) {
            throw new FieldException("config", "timeout: " + e.getMessage());
        }
    }
}
