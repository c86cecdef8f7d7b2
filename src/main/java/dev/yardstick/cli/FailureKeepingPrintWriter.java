package dev.yardstick.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A PrintWriter that keeps the first exception its stream threw. PrintWriter (and System.out, a PrintStream)
 * swallow write errors, so {@code --format json > /dev/full} looked like a success; {@link #checkError()} says that
 * something failed, and {@link #failure()} says what, for the one line on stderr.
 */
final class FailureKeepingPrintWriter extends PrintWriter {

    private final Keeper keeper;

    FailureKeepingPrintWriter(OutputStream stream) {
        this(new Keeper(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
    }

    private FailureKeepingPrintWriter(Keeper keeper) {
        super(keeper, true);
        this.keeper = keeper;
    }

    /** The first write or flush that failed, after flushing what is pending; null when none did. */
    IOException failure() {
        checkError();
        return keeper.first;
    }

    private static final class Keeper extends FilterWriter {
        private volatile IOException first;

        Keeper(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            try {
                super.write(c);
            } catch (IOException e) {
                throw keep(e);
            }
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            try {
                super.write(buf, off, len);
            } catch (IOException e) {
                throw keep(e);
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            try {
                super.write(s, off, len);
            } catch (IOException e) {
                throw keep(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                super.flush();
            } catch (IOException e) {
                throw keep(e);
            }
        }

        private IOException keep(IOException e) {
            if (first == null) {
                first = e;
            }
            return e;
        }
    }
}
