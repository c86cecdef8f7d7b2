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

    /**
     * The exit code of a run that sent requests, the same ladder for every command: interrupted (the partial report
     * was written), else nothing measured, else a gate or check failed, else done. The reason goes to stderr.
     *
     * @param nothingMeasured why no result came, null when one did
     * @param gateFailed      which gate or check failed (blank when the report says it all), null when none did
     */
    static int ofRun(Session session, boolean interrupted, String nothingMeasured, String gateFailed) {
        if (interrupted) {
            return INTERRUPTED;
        }
        if (nothingMeasured != null) {
            session.log("yardstick: " + nothingMeasured);
            return RUNTIME;
        }
        if (gateFailed != null) {
            if (!gateFailed.isBlank()) {
                session.log("yardstick: " + gateFailed);
            }
            return GATE_FAILED;
        }
        return OK;
    }
}
