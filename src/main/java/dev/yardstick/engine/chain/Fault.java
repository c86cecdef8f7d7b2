package dev.yardstick.engine.chain;

import dev.yardstick.config.Durations;
import dev.yardstick.config.InputException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fault to inject, written {@code MODEL:KIND@TURNS}: {@code primary:500@2}, {@code mock/fast:429=300ms@2-3x2},
 * {@code backup:timeout@4-}. MODEL is a model's name in the script or its {@code provider/model} label (which may
 * itself hold colons: the last one before KIND splits). TURNS is {@code N}, {@code N-M} or {@code N-} (from N on);
 * a trailing {@code xK} fails only the first K tries of that model at each of those turns (the provider
 * recovers), else every try fails (the provider is down).
 *
 * <p>Kinds: an HTTP status ({@code 500}, {@code 503}, {@code 429}, any 4xx or 5xx; {@code 429=300ms} sets its
 * Retry-After, 1 s by default for 429 and 503), {@code timeout} (no answer until the request times out),
 * {@code broken-stream} (a few chunks, then the connection drops). The history kinds rehearse a faulty gateway
 * between Yardstick and the provider, which the integrity check must catch: {@code drop-system} (the system prompt
 * lost), {@code drop-message} (one history message lost), {@code corrupt} (one byte of a message changed),
 * {@code reorder} (two messages swapped).
 *
 * <p>compare and benchmark take the same faults with the step a model's N-th measured request instead of a turn,
 * written {@code MODEL:KIND[@N][xK]} ({@link #parseForRequests}): {@code mock/fast:503@3} fails every try of the
 * third request, {@code mock/fast:503@3x1} only its first try, {@code mock/fast:503x2} the first two tries of the
 * run, and {@code mock/fast:503} every try of every request. A fault for the whole run has {@code fromTurn} 0.
 */
public record Fault(String model, Kind kind, int status, Duration retryAfter, int fromTurn, int toTurn, int times,
                    String text) {

    public static final int EVERY_TRY = Integer.MAX_VALUE;
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Pattern TURNS = Pattern.compile("(\\d+)(-(\\d*))?(x(\\d+))?");
    private static final Pattern TIMES = Pattern.compile("(.*?)x(\\d+)");

    public enum Kind {
        HTTP, TIMEOUT, BROKEN_STREAM, DROP_SYSTEM, DROP_MESSAGE, CORRUPT, REORDER;

        /** Whether the fault alters the history the provider receives rather than failing the request. */
        public boolean tampersHistory() {
            return this == DROP_SYSTEM || this == DROP_MESSAGE || this == CORRUPT || this == REORDER;
        }
    }

    /** A switch-test fault: {@code MODEL:KIND@TURNS[xK]}. */
    public static Fault parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int at = trimmed.lastIndexOf('@');
        int colon = at < 0 ? -1 : trimmed.lastIndexOf(':', at);
        if (at < 0 || colon <= 0) {
            throw bad(trimmed, "expected MODEL:KIND@TURN, e.g. primary:500@2");
        }
        return parse(trimmed, colon, trimmed.substring(colon + 1, at), trimmed.substring(at + 1));
    }

    /** A compare or benchmark fault: {@code MODEL:KIND[@N][xK]}, N counting the model's measured requests. */
    public static Fault parseForRequests(String text) {
        String trimmed = text == null ? "" : text.trim();
        int at = trimmed.lastIndexOf('@');
        int colon = trimmed.lastIndexOf(':', at < 0 ? trimmed.length() : at);
        if (colon <= 0) {
            throw bad(trimmed, "expected MODEL:KIND[@N][xK], e.g. mock/fast:503@3");
        }
        if (at >= 0) {
            return parse(trimmed, colon, trimmed.substring(colon + 1, at), trimmed.substring(at + 1));
        }
        String kindText = trimmed.substring(colon + 1);
        Matcher times = TIMES.matcher(kindText);
        boolean counted = times.matches() && !times.group(1).isEmpty();
        Fault fault = parse(trimmed, colon, counted ? times.group(1) : kindText, "1");
        int k = counted ? Integer.parseInt(times.group(2)) : EVERY_TRY;
        if (k < 1) {
            throw bad(trimmed, "xK needs K ≥ 1");
        }
        return new Fault(fault.model, fault.kind, fault.status, fault.retryAfter, 0, 0, k, trimmed);
    }

    private static Fault parse(String trimmed, int colon, String kindPart, String stepPart) {
        String model = trimmed.substring(0, colon);
        String kindText = kindPart.toLowerCase(Locale.ROOT);
        Matcher turns = TURNS.matcher(stepPart);
        if (!turns.matches()) {
            throw bad(trimmed, "turns must be N, N-M or N- (from N on), optionally followed by xK (first K tries)");
        }
        int from = Integer.parseInt(turns.group(1));
        int to = turns.group(2) == null ? from
                : turns.group(3).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(turns.group(3));
        int times = turns.group(5) == null ? EVERY_TRY : Integer.parseInt(turns.group(5));
        if (from < 1 || to < from || times < 1) {
            throw bad(trimmed, "turns count from 1, a range must not run backwards, and xK needs K ≥ 1");
        }
        String retryText = null;
        int eq = kindText.indexOf('=');
        if (eq >= 0) {
            retryText = kindText.substring(eq + 1);
            kindText = kindText.substring(0, eq);
        }
        Kind kind;
        int status = 0;
        switch (kindText) {
            case "timeout" -> kind = Kind.TIMEOUT;
            case "broken-stream" -> kind = Kind.BROKEN_STREAM;
            case "drop-system" -> kind = Kind.DROP_SYSTEM;
            case "drop-message" -> kind = Kind.DROP_MESSAGE;
            case "corrupt" -> kind = Kind.CORRUPT;
            case "reorder" -> kind = Kind.REORDER;
            default -> {
                if (!kindText.matches("[45]\\d\\d")) {
                    throw bad(trimmed, "unknown kind '" + kindText + "' (expected an HTTP status such as 500 or 429, "
                            + "timeout, broken-stream, drop-system, drop-message, corrupt or reorder)");
                }
                kind = Kind.HTTP;
                status = Integer.parseInt(kindText);
            }
        }
        if (retryText != null && kind != Kind.HTTP) {
            throw bad(trimmed, "only an HTTP status takes a Retry-After (=DURATION)");
        }
        Duration retryAfter = retryText != null ? Durations.parse(retryText)
                : status == 429 || status == 503 ? DEFAULT_RETRY_AFTER : null;
        return new Fault(model, kind, status, retryAfter, from, to, times, trimmed);
    }

    private static Malformed bad(String text, String problem) {
        return new Malformed(text, problem);
    }

    /** A fault written wrong: {@code fault 'TEXT': PROBLEM}, its parts kept for a caller that names the setting. */
    public static final class Malformed extends InputException {

        private final String detail;

        private Malformed(String text, String problem) {
            super("fault '" + text + "': " + problem);
            this.detail = "'" + text + "': " + problem;
        }

        /** The message without its leading "fault", for a flag's error that names the flag instead. */
        public String detail() {
            return detail;
        }
    }

    public boolean appliesAt(int turn) {
        return wholeRun() || turn >= fromTurn && turn <= toTurn;
    }

    /** A fault with no step: its {@code xK} counts tries over the whole run. */
    public boolean wholeRun() {
        return fromTurn == 0;
    }

    /** The same fault aimed at a resolved model label. */
    public Fault forModel(String label) {
        return new Fault(label, kind, status, retryAfter, fromTurn, toTurn, times, text);
    }
}
