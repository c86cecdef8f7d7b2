package dev.yardstick.stats;

/** What a diff concludes about one figure: the regression gate fails on {@link #REGRESSED} only. */
public enum Judgement {
    /** Worse by more than the allowance (a latency also by ≥ 0.1 ms), and significantly so. */
    REGRESSED("regressed"),
    /** Better by more than the allowance, and significantly so. */
    IMPROVED("improved"),
    /** Moved by no more than the allowance, or a latency by less than 0.1 ms. */
    WITHIN_ALLOWANCE("within-allowance"),
    /** Moved by more than the allowance, but not significantly: the two runs' intervals overlap. */
    WITHIN_NOISE("within-noise"),
    /** The sample count cannot bound this percentile at the confidence asked: not judged. */
    TOO_FEW_SAMPLES("too-few-samples"),
    /** No value on one side or both (e.g. TPOT of one-token answers): nothing to compare. */
    UNDEFINED("undefined"),
    /** A figure the regression gate does not judge (p90, p99.9, means, queue time, shares). */
    NOT_GATED("not-gated");

    private final String label;

    Judgement(String label) {
        this.label = label;
    }

    /** How reports name it: {@code regressed}, {@code within-noise}, ... */
    public String label() {
        return label;
    }
}
