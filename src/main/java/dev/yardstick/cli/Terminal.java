package dev.yardstick.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * What the process knows about where its output goes: whether stderr is an interactive terminal (progress lines
 * only then), whether colour is allowed (NO_COLOR, --no-color, not a terminal), and the terminal's width.
 */
public record Terminal(boolean interactive, boolean color, int width) {

    private static final int DEFAULT_WIDTH = 120;

    public static Terminal detect(Map<String, String> env, boolean noColorFlag) {
        return detect(env, noColorFlag, Terminal::stderrIsTerminal);
    }

    /** As {@link #detect(Map, boolean)}, with the question "is stderr a terminal?" answered by the caller. */
    static Terminal detect(Map<String, String> env, boolean noColorFlag, BooleanSupplier stderrIsTerminal) {
        boolean interactive = !"true".equalsIgnoreCase(env.get("CI")) && stderrIsTerminal.getAsBoolean();
        boolean color = interactive && !noColorFlag && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"));
        return new Terminal(interactive, color, width(env, interactive));
    }

    /**
     * Whether stderr (file descriptor 2) is a terminal: the progress line goes there, so it follows stderr, whatever
     * stdout is redirected to ({@code System.console()} answers for stdin and stdout instead). On Linux the
     * descriptor's link in /proc names the device at no cost; elsewhere jline asks the OS (isatty(2) through
     * {@code test -t 2}, or the FFM API).
     */
    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(fd).toString());
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // Unreadable here: ask jline below.
            }
        }
        for (String provider : List.of("exec", "ffm")) {
            try {
                return TerminalProvider.load(provider).isSystemStream(SystemStream.Error);
            } catch (Exception | LinkageError e) {
                // This provider cannot run here (an older JDK, no native access, no shell): ask the next one.
            }
        }
        return false;
    }

    /** A terminal's device path: a pseudo-terminal, a virtual console or a serial line. */
    static boolean isTerminalDevice(String path) {
        return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty") || path.equals("/dev/console");
    }

    private static int width(Map<String, String> env, boolean interactive) {
        String columns = env.get("COLUMNS");
        if (columns != null && columns.matches("\\d{2,4}")) {
            return Integer.parseInt(columns);
        }
        if (interactive) {
            try (org.jline.terminal.Terminal t = org.jline.terminal.TerminalBuilder.builder().system(true)
                    .dumb(true).streams(System.in, System.err).build()) {
                if (t.getWidth() > 0) {
                    return t.getWidth();
                }
            } catch (Exception | Error ignored) {
                // No usable terminal: fall back to a width that suits most.
            }
        }
        return DEFAULT_WIDTH;
    }
}
