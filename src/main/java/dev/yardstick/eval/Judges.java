package dev.yardstick.eval;

import dev.yardstick.config.FieldException;
import java.util.List;

/**
 * Where graded assertions find their judge: by the model an assertion names ({@code provider: openai/gpt-4o-mini}),
 * else the run's default ({@code compare --judge}).
 */
@FunctionalInterface
public interface Judges {

    /** No judge anywhere: a graded assertion must name one. */
    Judges NONE = model -> {
        throw new FieldException("provider", "a graded assertion needs a judge model: 'provider: PROVIDER/MODEL' on"
                + " the assertion, or compare --judge PROVIDER/MODEL");
    };

    /**
     * @param model {@code provider/model}, or null for the run's default judge
     * @throws FieldException ({@code provider}) when there is no such judge
     */
    Judge judge(String model);

    /** What each judge spent so far, in the order they were first asked; none for judges that are not models. */
    default List<JudgeUsage> usage() {
        return List.of();
    }
}
