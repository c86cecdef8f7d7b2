package dev.yardstick.cli;

import dev.yardstick.export.ControlChars;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * stderr as the process prints to it: {@code print} and {@code println} show text, so a message that quotes a
 * server's error body or a model's words has its control characters made visible rather than obeyed; {@code write}
 * passes characters as they are, for the status line's own terminal controls.
 */
final class MessageWriter extends PrintWriter {

    MessageWriter(Writer out) {
        super(out, true);
    }

    @Override
    public void print(String text) {
        super.print(ControlChars.visible(text));
    }

    @Override
    public void print(Object value) {
        print(String.valueOf(value));
    }
}
