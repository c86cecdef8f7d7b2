package dev.yardstick.report;

/**
 * Why a run stopped early on {@code --abort-if}: the gate that held on the sliding window, where and when.
 *
 * @param gate       the gate as typed ({@code error_rate > 5%})
 * @param step       the step's load label
 * @param model      the model it held for
 * @param atSeconds  seconds from the step's start
 * @param window     the window judged ({@code last 30s}, {@code last 200 requests})
 * @param requests   the requests in the window
 * @param message    the figure and its limit
 */
public record AbortReason(String gate, String step, String model, double atSeconds, String window, long requests,
                          String message) {

    /** One line for the report and stderr. */
    public String describe() {
        return "Aborted by --abort-if '" + gate + "' after " + Formats.number(atSeconds, 1) + " s of " + step
                + ": " + model + ", " + message + " over the " + window + " (" + requests + " requests). The"
                + " figures hold the requests that ended before the stop.";
    }
}
