package dev.yardstick.eval;

import dev.yardstick.config.AssertionSpec;
import java.util.List;

/**
 * Run in a fresh JVM by {@link LazyJavascriptTest} and {@link LazySimilarTest}: compiles and grades one case's
 * assertions, with or without a javascript or a similar one, and prints how long building GraalJS and loading the
 * embedding model took ({@code -1} when it was not done).
 */
public final class GraalJsProbe {

    private GraalJsProbe() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "plain";
        AssertionSpec second = switch (mode) {
            case "javascript" -> AssertionSpec.of("javascript", "output.includes('park')", null);
            case "similar" -> AssertionSpec.of("similar", "We walked in the park.", 0.5);
            default -> AssertionSpec.of("regex", "p.rk", null);
        };
        List<AssertionSpec> specs = List.of(AssertionSpec.of("contains", "park", null), second);
        long started = System.nanoTime();
        CaseResult result = CaseAssertions.compile(specs, null, Grading.HERE).grade(Grading.answer("the park"));
        long firstGradeNanos = System.nanoTime() - started;
        System.out.println("pass " + result.pass());
        long engine = EngineStarts.javascriptNanos();
        System.out.println("engine-ms " + (engine < 0 ? -1 : engine / 1_000_000));
        long embeddings = EngineStarts.embeddingsNanos();
        System.out.println("embeddings-ms " + (embeddings < 0 ? -1 : embeddings / 1_000_000));
        System.out.println("first-grade-ms " + firstGradeNanos / 1_000_000);
    }
}
