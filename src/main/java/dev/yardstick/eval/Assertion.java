package dev.yardstick.eval;

/**
 * A compiled assertion: judges one answer. Built once per suite by an {@link AssertionType} from what the file
 * says, so a bad value is rejected before anything runs; grading may then run for many answers at once.
 */
@FunctionalInterface
public interface Assertion {

    Grade grade(Answer answer);
}
