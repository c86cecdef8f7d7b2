package dev.yardstick.cli;

import dev.yardstick.export.ControlChars;
import java.io.PrintWriter;

/**
 * One line of stderr that redraws itself in place, and only on a terminal (a log or a CI run gets none of it).
 * Every live progress display goes through it, so they agree on how a line is drawn and wiped; what it shows has
 * its control characters made visible, so a model's name or words cannot break the line or drive the terminal.
 */
final class StatusLine {

    private static final String WIPE = "\r\033[2K";

    private final PrintWriter err;
    private final boolean enabled;
    private boolean shown;

    StatusLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    /** Replaces the line with {@code text}. */
    void show(String text) {
        if (!enabled) {
            return;
        }
        synchronized (err) {
            err.write(WIPE);
            err.write(ControlChars.visibleLine(text));
            err.flush();
            shown = true;
        }
    }

    /** Wipes the line, so what follows starts on a clean one. */
    void clear() {
        synchronized (err) {
            if (shown) {
                err.write(WIPE);
                err.flush();
                shown = false;
            }
        }
    }

    /** A finished line that stays: wipes the live one and prints {@code text} in its place. */
    void log(String text) {
        synchronized (err) {
            clear();
            err.println(text);
            err.flush();
        }
    }
}
