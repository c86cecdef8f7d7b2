package dev.yardstick.eval;

import dev.yardstick.config.AssertionNames;
import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import dev.yardstick.config.InputException;
import dev.yardstick.config.Levenshtein;
import dev.yardstick.config.ModelSpec;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The assertion kinds Yardstick knows, by promptfoo's names, and the one place a written assertion becomes a
 * compiled one: the {@code not-} prefix negates any kind that allows it, and an unknown name is an error that
 * suggests the nearest known one.
 */
public final class AssertionTypes {

    private static final String NOT = "not-";

    private AssertionTypes() {
    }

    /** The kinds that need the folder of the assertion's file (to resolve a script and run a program there). */
    @FunctionalInterface
    private interface LocatedType {
        Assertion compile(AssertionSpec spec, Path dir);
    }

    private static Map<String, AssertionType> types(Path dir, Judges judges) {
        Map<String, AssertionType> types = new LinkedHashMap<>();
        GradedAssertions.register(types, judges);
        TextAssertions.register(types);
        JsonAssertions.register(types);
        LimitAssertions.register(types);
        types.put("similar", SimilarAssertion::compile);
        Map<String, LocatedType> located = Map.of("command", CommandAssertion::command,
                "python", CommandAssertion::python, "javascript", JavascriptAssertion::compile);
        located.forEach((name, type) -> types.put(name, spec -> type.compile(spec, dir)));
        types.put("assert-set", spec -> assertSet(spec, dir, judges));
        return types;
    }

    /**
     * promptfoo's {@code assert-set}: its own {@code assert:} list judged as a case is (every weighted one passing,
     * or with a {@code threshold} their weighted score reaching it); its score is theirs, its weight counts in the
     * case's score as one assertion.
     */
    private static Assertion assertSet(AssertionSpec spec, Path dir, Judges judges) {
        if (spec.children().isEmpty()) {
            throw new FieldException(AssertionSpec.CHILDREN, "an assert-set needs its own 'assert:' list");
        }
        CaseAssertions set;
        try {
            set = CaseAssertions.compile(spec.children(), spec.threshold(), dir, judges);
        } catch (InputException e) {
            throw new FieldException(AssertionSpec.CHILDREN, e.getMessage());
        }
        return answer -> {
            CaseResult result = set.grade(answer);
            return new Grade(result.pass(), result.score(), result.reason(), false);
        };
    }

    /** Every kind's name, without the {@code not-} forms. */
    public static Set<String> names() {
        return types(Path.of("."), Judges.NONE).keySet();
    }

    /**
     * Compiles one assertion written in a file in {@code dir}.
     *
     * @throws FieldException naming the field that is wrong ({@code type}, {@code value}, {@code threshold}, ...)
     */
    public static Assertion compile(AssertionSpec spec, Path dir) {
        return compile(spec, dir, Judges.NONE);
    }

    /**
     * Compiles one assertion; a graded one ({@code llm-rubric}, {@code factuality}) finds its judge in judges.
     *
     * @param dir where an assertion that does not know its file's folder resolves scripts and runs programs
     */
    public static Assertion compile(AssertionSpec spec, Path dir, Judges judges) {
        Map<String, AssertionType> types = types(spec.dirOr(dir), judges);
        boolean negated = spec.type().startsWith(NOT);
        String name = negated ? spec.type().substring(NOT.length()) : spec.type();
        AssertionType type = types.get(name);
        if (type == null && AssertionNames.known(spec.type())) {
            throw new FieldException("type", "promptfoo's assertion type '" + spec.type() + "' is not supported by"
                    + " Yardstick");
        }
        if (type == null) {
            throw new FieldException("type", "unknown assertion type '" + spec.type() + "'"
                    + nearest(spec.type(), types).map(n -> " (did you mean '" + n + "'?)").orElse(""));
        }
        if (negated && !type.negatable()) {
            throw new FieldException("type", "'" + name + "' is a limit and has no not- form");
        }
        Assertion assertion = type.compile(spec);
        if (!negated) {
            return assertion;
        }
        String reason = "the answer " + describeMatch(name) + " " + Values.excerpt(spec.value());
        return answer -> assertion.grade(answer).negated(reason.strip());
    }

    /** Checks an assertion without keeping it: for a file reader that wants every mistake before anything runs. */
    public static void check(AssertionSpec spec, Path dir) {
        compile(spec, dir, AssertionTypes::judgeNamedOnly);
    }

    /** A file is checked before any model opens: a judge's name is read, the judge itself found at the run. */
    private static Judge judgeNamedOnly(String model) {
        if (model != null) {
            try {
                ModelSpec.parse(model);
            } catch (InputException e) {
                throw new FieldException("provider", e.getMessage());
            }
        }
        return prompt -> {
            throw new IllegalStateException("a checked assertion is not graded");
        };
    }

    private static String describeMatch(String name) {
        return switch (name) {
            case "equals" -> "equals";
            case "starts-with" -> "starts with";
            case "regex" -> "matches";
            case "is-json" -> "is JSON";
            case "contains-json" -> "contains JSON";
            case "levenshtein" -> "is within the edit distance of";
            case "similar" -> "is similar to";
            case "json-schema" -> "fits the schema";
            case "javascript", "python", "command", "llm-rubric", "factuality" -> "passed";
            default -> name.startsWith("contains") || name.startsWith("icontains") ? "contains" : "passed " + name;
        };
    }

    private static Optional<String> nearest(String name, Map<String, AssertionType> types) {
        return types.keySet().stream().flatMap(n -> Stream.of(n, NOT + n))
                .filter(n -> Levenshtein.distance(n, name) <= Math.max(2, name.length() / 3))
                .min(Comparator.comparingInt(n -> Levenshtein.distance(n, name)));
    }
}
