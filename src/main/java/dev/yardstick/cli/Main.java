package dev.yardstick.cli;

import dev.yardstick.config.InputException;
import dev.yardstick.config.Secrets;
import dev.yardstick.engine.ClientLimitException;
import dev.yardstick.provider.ProviderException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point: builds the command line, maps every failure to one stderr line and a documented exit code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, new Session(System.getenv(), System.console() == null ? System.in : null, out, err));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line in this process: what tests call. */
    public static int run(String[] args, Session session) {
        CommandLine cli = new CommandLine(new YardstickCommand(), new SessionFactory(session));
        cli.setOut(session.out());
        cli.setErr(session.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setAbbreviatedOptionsAllowed(false);
        cli.setParameterExceptionHandler((e, argv) -> {
            String hint = e.getCommandLine().getCommandSpec().qualifiedName();
            session.err().println("yardstick: error: " + Secrets.redact(e.getMessage())
                    + suggestion(e) + " (see '" + hint + " --help')");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> report(e, session, verbose(args)));
        return cli.execute(args);
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

    private static boolean verbose(String[] args) {
        for (String arg : args) {
            if (arg.equals("-v") || arg.equals("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Lets commands receive the session through their constructor. */
    private record SessionFactory(Session session) implements CommandLine.IFactory {
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
