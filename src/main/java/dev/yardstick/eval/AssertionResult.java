package dev.yardstick.eval;

/**
 * One assertion's verdict on one answer, as reports carry it: the assertion's {@code type} and a short form of its
 * value, its {@code metric} name if any, its weight, and the grade. {@code error} marks a verdict that could not be
 * reached (never a pass).
 */
public record AssertionResult(String type, String value, String metric, double weight, boolean pass, double score,
                              String reason, boolean error) {

    /** {@code icontains "park"}: how a table names the assertion. */
    public String label() {
        return value.isEmpty() ? type : type + " " + value;
    }
}
