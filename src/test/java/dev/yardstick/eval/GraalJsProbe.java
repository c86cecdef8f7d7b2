package dev.yardstick.eval;

import dev.yardstick.config.AssertionSpec;
import java.util.List;

/**
 * Run in a fresh JVM by {@link LazyJavascriptTest}: compiles and grades one case's assertions, with or without a
 * javascript one, and prints how long building GraalJS took ({@code -1} when it was not built).
 */
public final class GraalJsProbe {

    private GraalJsProbe() {
    }

    public static void main(String[] args) {
        boolean javascript = args.length > 0 && args[0].equals("javascript");
        List<AssertionSpec> specs = javascript
                ? List.of(AssertionSpec.of("contains", "park", null),
                AssertionSpec.of("javascript", "output.includes('park')", null))
                : List.of(AssertionSpec.of("contains", "park", null), AssertionSpec.of("regex", "p.rk", null));
        long started = System.nanoTime();
        CaseResult result = CaseAssertions.compile(specs, null, Grading.HERE).grade(Grading.answer("the park"));
        long firstGradeNanos = System.nanoTime() - started;
        System.out.println("pass " + result.pass());
        long engine = EngineStarts.javascriptNanos();
        System.out.println("engine-ms " + (engine < 0 ? -1 : engine / 1_000_000));
        System.out.println("first-grade-ms " + firstGradeNanos / 1_000_000);
    }
}
