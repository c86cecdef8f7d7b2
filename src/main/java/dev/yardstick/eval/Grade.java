package dev.yardstick.eval;

/**
 * One assertion's verdict on one answer: whether it passed, its score between 0 and 1 (a code assertion may return
 * any number; the case's weighted mean uses it as given), and why it failed. {@code error} marks a verdict that
 * could not be reached (a script that crashed, timed out or printed nonsense): it never passes.
 */
public record Grade(boolean pass, double score, String reason, boolean error) {

    public Grade {
        reason = reason == null ? "" : reason;
        if (error && pass) {
            throw new IllegalArgumentException("an assertion that could not be judged cannot pass");
        }
    }

    /** A pass or a fail scored 1 or 0, with the reason a reader sees when it failed. */
    public static Grade of(boolean pass, String reasonIfFailed) {
        return new Grade(pass, pass ? 1 : 0, pass ? "" : reasonIfFailed, false);
    }

    /** A verdict that could not be reached: a fail with score 0, and why. */
    public static Grade error(String reason) {
        return new Grade(false, 0, reason, true);
    }

    /** The verdict of the {@code not-} form: pass and fail swap, a score becomes its complement. */
    Grade negated(String reasonIfFailed) {
        if (error) {
            return this;
        }
        return new Grade(!pass, 1 - Math.min(1, Math.max(0, score)), pass ? reasonIfFailed : "", false);
    }
}
