package dev.yardstick.eval;

import dev.yardstick.config.AssertionSpec;

/**
 * One kind of assertion ({@code contains}, {@code javascript}, ...): checks a written assertion's fields and turns
 * it into an {@link Assertion}. A new kind (an embedding similarity, a judge model's rubric) is one more
 * implementation registered in {@link AssertionTypes}.
 */
@FunctionalInterface
public interface AssertionType {

    /**
     * @throws dev.yardstick.config.FieldException naming the field ({@code value}, {@code threshold}, ...) that does
     *                                             not fit this kind
     */
    Assertion compile(AssertionSpec spec);

    /** Whether the {@code not-} form makes sense (it does not for a limit such as {@code latency}). */
    default boolean negatable() {
        return true;
    }
}
