package dev.yardstick.cli;

import dev.yardstick.config.InputException;
import dev.yardstick.config.Secrets;
import dev.yardstick.engine.ClientLimitException;
import dev.yardstick.provider.ProviderException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point: builds the command line, maps every failure to one stderr line and a documented exit code. */
public final class Main {

    /** File descriptors held back for writing the outputs (stdout is open already; each -o file needs one). */
    private static final int RESERVED_DESCRIPTORS = 4;

    private Main() {
    }

    public static void main(String[] args) {
        StartupTrace.mark(StartupTrace.MAIN);
        // Straight to the descriptor, not through System.out: a PrintStream swallows write errors.
        PrintWriter out = new FailureKeepingPrintWriter(new FileOutputStream(FileDescriptor.out));
        if (isVersionOnly(args)) {
            // The same line picocli prints, without building the whole command tree first: that costs a third of a
            // second (picocli's classes are Java 5 bytecode, which no start-up cache can hold) for one line of text.
            for (String line : new Version().getVersion()) {
                out.println(line);
            }
            out.flush();
            System.exit(out.checkError() ? ExitCodes.RUNTIME : ExitCodes.OK);
        }
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Session session = new Session(System.getenv(), System.console() == null ? System.in : null, out, err)
                .reserveFileDescriptors(RESERVED_DESCRIPTORS);
        int code = run(args, session);
        out.flush();
        err.flush();
        StartupTrace.mark("exit");
        System.exit(code);
    }

    /** Runs one command line in this process: what tests call. */
    public static int run(String[] args, Session session) {
        Secrets.forgetAll(); // an invocation scrubs the secrets it reads, not those of one run before it in this JVM
        CommandLine cli = YardstickCommand.commandLine(args, new SessionFactory(session));
        cli.setOut(session.out());
        cli.setErr(session.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setAbbreviatedOptionsAllowed(false);
        cli.setParameterExceptionHandler((e, argv) -> {
            var input = ParameterErrors.translate(e);
            if (input.isPresent()) {
                session.err().println("yardstick: error: " + Secrets.redact(input.get().getMessage()));
                return ExitCodes.USAGE;
            }
            String hint = e.getCommandLine().getCommandSpec().qualifiedName();
            session.err().println("yardstick: error: " + Secrets.redact(e.getMessage())
                    + suggestion(e) + " (see '" + hint + " --help')");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> report(e, session, verbose(args)));
        try {
            return session.exitCode(cli.execute(args));
        } catch (OutOfMemoryError e) {
            // Whatever held the memory is unreachable by now, so there is room to say so in one line.
            session.releaseReserve();
            session.err().println("yardstick: out of memory (maximum heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB): raise it, e.g."
                    + " YARDSTICK_JAVA_OPTS=-Xmx2g, or lower --concurrency");
            return ExitCodes.RUNTIME;
        } finally {
            session.out().flush();
            session.err().flush();
            Secrets.forgetAll();
        }
    }

    private static String suggestion(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            var suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                return "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(2, suggestions.size())))
                        + "?";
            }
        }
        return "";
    }

    static int report(Exception e, Session session, boolean verbose) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof InputException) && !(cause instanceof ProviderException)) {
            cause = cause.getCause();
        }
        if (cause instanceof InputException input) {
            session.err().println("yardstick: error: " + Secrets.redact(input.getMessage()));
            return ExitCodes.USAGE;
        }
        if (cause instanceof ClientLimitException limit) {
            session.err().println("yardstick: stopped at the client's own limit: " + Secrets.redact(limit.getMessage()));
            return ExitCodes.RUNTIME;
        }
        if (cause instanceof ProviderException provider) {
            session.err().println("yardstick: provider failure: " + Secrets.redact(provider.getMessage()));
            return ExitCodes.RUNTIME;
        }
        session.err().println("yardstick: internal error: " + e.getClass().getSimpleName() + ": "
                + Secrets.redact(String.valueOf(e.getMessage())) + (verbose ? "" : " (run with --verbose for details)"));
        if (verbose) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            session.err().println(Secrets.redact(trace.toString()));
        }
        return ExitCodes.RUNTIME;
    }

    static boolean isVersionOnly(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    private static boolean verbose(String[] args) {
        for (String arg : args) {
            if (arg.equals("-v") || arg.equals("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Lets commands receive the session through their constructor. */
    record SessionFactory(Session session) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Session.class).newInstance(session);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
