package dev.yardstick.config;

import java.time.Duration;

/**
 * When a pool takes a member out: after {@code consecutive-errors} failures in a row, or once its failures among its
 * last {@code window} requests reach {@code error-rate} (given one, not both); it then stays out for
 * {@code cool-down}, after which one probe request decides whether it returns (a success) or stays out for another
 * cool-down. This is the request chain's circuit breaker ({@link BreakerPolicy}) with one probe.
 *
 * @param consecutiveErrors failures in a row that eject a member
 * @param errorRate         the failure share of the window that ejects a member, e.g. {@code 50%}
 * @param window            the last requests the error rate is judged over (default 10)
 * @param coolDown          how long an ejected member stays out before its probe (default 5s)
 */
public record EjectConfig(Integer consecutiveErrors, String errorRate, Integer window, String coolDown) {

    /** Three failures in a row eject a member for five seconds. */
    public static final EjectConfig DEFAULTS = new EjectConfig(3, null, null, null);

    private static final int DEFAULT_WINDOW = 10;
    private static final Duration DEFAULT_COOL_DOWN = Duration.ofSeconds(5);

    public EjectConfig {
        if (consecutiveErrors != null && errorRate != null) {
            throw new FieldException("error-rate", "give consecutive-errors or error-rate, not both");
        }
        if (consecutiveErrors != null && consecutiveErrors < 1) {
            throw new FieldException("consecutive-errors", "must be at least 1, got " + consecutiveErrors);
        }
        if (window != null && (window < 1 || consecutiveErrors != null)) {
            throw new FieldException("window", consecutiveErrors != null ? "goes with error-rate, not with"
                    + " consecutive-errors" : "must be at least 1 request, got " + window);
        }
        if (errorRate != null) {
            percent(errorRate);
        }
        if (coolDown != null && !Durations.parse("cool-down", coolDown).isPositive()) {
            throw new FieldException("cool-down", "must be positive, got " + coolDown);
        }
    }

    /** The breaker that ejects: open is ejected, half-open lets one probe through. */
    public BreakerPolicy breaker() {
        Duration out = coolDown == null ? DEFAULT_COOL_DOWN : Durations.parse(coolDown);
        if (errorRate == null) {
            int n = consecutiveErrors == null ? DEFAULTS.consecutiveErrors : consecutiveErrors;
            return new BreakerPolicy(n, n, 100, out, 1); // n of the last n failed: n in a row
        }
        int last = window == null ? DEFAULT_WINDOW : window;
        return new BreakerPolicy(last, last, percent(errorRate), out, 1);
    }

    private static double percent(String text) {
        String t = text.strip();
        try {
            double value = Double.parseDouble(t.endsWith("%") ? t.substring(0, t.length() - 1).strip() : t);
            if (value > 0 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new FieldException("error-rate", "expected a share of requests above 0% and at most 100%, e.g. 50%,"
                + " got '" + text + "'");
    }
}
