package dev.yardstick.eval;

/** How a reason quotes an answer or a number: short and on one line. */
final class Texts {

    private static final int HEAD = 40;

    private Texts() {
    }

    /** The answer's beginning, on one line. */
    static String head(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > HEAD ? line.substring(0, HEAD) + "…" : line;
    }

    /** 5 rather than 5.0; 0.25 as is. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
