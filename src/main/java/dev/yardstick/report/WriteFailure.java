package dev.yardstick.report;

import dev.yardstick.config.FileProblems;
import java.io.IOException;

/**
 * An output that could not be written (stdout, a report file, the samples file), with the operating system's reason
 * in words: what the one stderr line {@code cannot write FILE: reason} says.
 *
 * @param target what was being written: a path as the user gave it, or {@code stdout}
 * @param reason why not, e.g. {@code no space left on device}
 */
public record WriteFailure(String target, String reason) {

    public static WriteFailure of(Object target, IOException e) {
        return new WriteFailure(String.valueOf(target), reason(e));
    }

    public String line() {
        return "cannot write " + target + ": " + reason;
    }

    /** The reason without the path Java puts in most messages (the line names the target already). */
    static String reason(IOException e) {
        return FileProblems.reason(e);
    }
}
