package dev.yardstick.stats.significance;

/** Which form of a significance test gave its p-value; reports name it so a reader can check the figure. */
public enum TestMethod {
    /** McNemar below {@link McNemar#EXACT_BELOW} discordant cases: two-sided binomial test against ½. */
    EXACT_BINOMIAL("exact binomial"),
    /** McNemar from {@link McNemar#EXACT_BELOW} discordant cases on: (|b − c| − 1)² / (b + c) against χ²(1). */
    CHI_SQUARE_CORRECTED("chi-square, continuity-corrected"),
    /** Mann-Whitney without ties, both samples below {@link MannWhitney#EXACT_BELOW}: the exact distribution of U. */
    EXACT("exact"),
    /** Mann-Whitney otherwise: the normal approximation with tie and continuity corrections. */
    NORMAL("normal approximation, tie- and continuity-corrected"),
    /** A sample was empty: nothing to test. */
    NONE("not tested: a sample is empty");

    private final String label;

    TestMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
