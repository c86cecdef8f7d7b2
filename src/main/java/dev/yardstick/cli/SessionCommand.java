package dev.yardstick.cli;

import dev.yardstick.export.Format;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * The skeleton of every command that writes a report: the session it runs in (from {@link Main}'s factory), the
 * output options ({@code --format}, {@code -o}, {@code --no-color}) and those every command takes ({@code --config},
 * {@code --verbose}). A command adds only its own flags, reads them into its plan, runs the plan with the run
 * object of its own package, emits the report and returns the exit code.
 */
abstract class SessionCommand implements Callable<Integer> {

    protected final Session session;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    SessionCommand(Session session) {
        this.session = session;
    }

    @Override
    public final Integer call() throws Exception {
        StartupTrace.mark("command line parsed");
        output.validate(); // a typo in --format or -o must not cost a whole run
        if (!writesJUnit()) {
            output.refuse(Format.JUNIT, "JUnit XML is written for compare reports only");
        }
        return run();
    }

    /** Whether the command's report has test cases to write as JUnit XML. */
    protected boolean writesJUnit() {
        return false;
    }

    /** Reads the flags into the command's plan, runs it and emits the report; returns the exit code. */
    protected abstract int run() throws Exception;
}
