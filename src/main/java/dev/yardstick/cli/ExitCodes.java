package dev.yardstick.cli;

/** The documented exit codes (README, "Exit codes"). */
public final class ExitCodes {

    /** The run worked and every gate or check passed. */
    public static final int OK = 0;
    /** The run worked, but a gate or check failed. */
    public static final int GATE_FAILED = 1;
    /** Usage or input error: a flag, a model name, a file. */
    public static final int USAGE = 2;
    /** A provider or runtime failure left no result. */
    public static final int RUNTIME = 3;
    /** Interrupted (Ctrl-C); partial results were still written. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
