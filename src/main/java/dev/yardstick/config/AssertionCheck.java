package dev.yardstick.config;

import java.nio.file.Path;

/**
 * Judges a written assertion before anything runs (whether its type exists and its fields fit it), for a file
 * reader that reports every mistake at its line. The assertion engine provides it; {@link #NONE} accepts all,
 * for commands that send prompts without judging answers.
 */
@FunctionalInterface
public interface AssertionCheck {

    AssertionCheck NONE = (spec, dir) -> { };

    /**
     * @param dir the folder of the file the assertion is written in
     * @throws FieldException naming the field that is wrong
     */
    void check(AssertionSpec spec, Path dir);
}
