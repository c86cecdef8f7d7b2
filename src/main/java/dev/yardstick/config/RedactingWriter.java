package dev.yardstick.config;

import java.io.IOException;
import java.io.Writer;

/**
 * Scrubs secrets from everything written through it. Secrets hold no line breaks, so complete lines are scrubbed
 * and passed on as they come; an unfinished line waits for its end or a flush, so a secret written in two pieces
 * is still seen whole.
 */
final class RedactingWriter extends Writer {

    private final Writer out;
    private final StringBuilder pending = new StringBuilder();

    RedactingWriter(Writer out) {
        super(out);
        this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        take(java.nio.CharBuffer.wrap(chars), offset, offset + length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        take(text, offset, offset + length);
    }

    private void take(CharSequence text, int start, int end) throws IOException {
        synchronized (lock) {
            int scanFrom = pending.length();
            pending.append(text, start, end);
            int lineEnd = pending.lastIndexOf("\n");
            if (lineEnd >= scanFrom) {
                pass(lineEnd + 1);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            pass(pending.length());
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            pass(pending.length());
            out.close();
        }
    }

    private void pass(int end) throws IOException {
        if (end == 0) {
            return;
        }
        out.write(Secrets.redact(pending.substring(0, end)));
        pending.delete(0, end);
    }
}
