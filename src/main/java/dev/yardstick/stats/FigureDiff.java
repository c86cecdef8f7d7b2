package dev.yardstick.stats;

/**
 * One figure compared: its change and both runs' confidence intervals, at the confidence of the {@link StatsDiff}.
 *
 * @param baselineCi  the baseline's interval; an end the sample cannot give is NaN
 * @param currentCi   the new run's interval
 * @param gated       one of the figures the regression gate judges
 */
public record FigureDiff(Change change, Interval baselineCi, Interval currentCi, boolean gated) {

    /**
     * A latency must also be worse by this much to count as a regression: below a tenth of a millisecond, changes
     * are the client machine's scheduling noise (9 µs becoming 13 µs is +44% and means nothing), while a 5 ms
     * inter-token latency growing by 1 ms is a real change.
     */
    static final double MIN_LATENCY_CHANGE_MS = 0.1;

    public Quantity quantity() {
        return change.quantity();
    }

    /**
     * The verdict under {@code rule}. A change counts only when it is beyond the allowance (a latency also by at
     * least {@link #MIN_LATENCY_CHANGE_MS}) <em>and</em> significant: the two intervals do not overlap, the new
     * one lying wholly on the worse (or better) side of the baseline's. A figure whose interval the sample cannot
     * bound is {@link Judgement#TOO_FEW_SAMPLES}, unless the rule gates such figures on their change alone.
     */
    public Judgement judge(RegressionRule rule) {
        if (!gated) {
            return Judgement.NOT_GATED;
        }
        double worse = change.worsePercent();
        if (Double.isNaN(worse)) {
            return Judgement.UNDEFINED;
        }
        boolean bounded = baselineCi.bounded() && currentCi.bounded();
        if (!bounded && !rule.gateUnsupported()) {
            return Judgement.TOO_FEW_SAMPLES;
        }
        if (Math.abs(worse) <= rule.maxRegressionPercent() || !material()) {
            return Judgement.WITHIN_ALLOWANCE;
        }
        boolean higher = change.current() > change.baseline();
        boolean apart = !bounded || (higher ? currentCi.above(baselineCi) : baselineCi.above(currentCi));
        if (!apart) {
            return Judgement.WITHIN_NOISE;
        }
        return worse > 0 ? Judgement.REGRESSED : Judgement.IMPROVED;
    }

    /** For latencies, moved by at least {@link #MIN_LATENCY_CHANGE_MS}; other units have no floor. */
    private boolean material() {
        return !"ms".equals(quantity().unit()) || Math.abs(change.absolute()) >= MIN_LATENCY_CHANGE_MS;
    }

    /** The two intervals do not overlap; false when either is unbounded. */
    public boolean significant() {
        return baselineCi.bounded() && currentCi.bounded() && baselineCi.apartFrom(currentCi);
    }
}
