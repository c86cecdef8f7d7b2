package dev.yardstick.eval;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.InputException;
import dev.yardstick.config.PromptCase;
import dev.yardstick.config.PromptSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every case's assertions of a prompt set, compiled once before the run: a case's {@code expect:} block (mapped
 * onto the engine) followed by its {@code assert:} list. Cases with neither are not graded.
 */
public final class SuiteAssertions {

    private final Map<String, CaseAssertions> byCase = new HashMap<>();
    /** A case's assertions for a model its file adds assertions for, by case id, then model. */
    private final Map<String, Map<String, CaseAssertions>> byModel = new HashMap<>();
    private final Map<String, PromptCase> cases = new HashMap<>();

    private SuiteAssertions() {
    }

    /** @throws InputException naming the case and assertion that cannot be compiled */
    public static SuiteAssertions of(PromptSet set) {
        return of(set, Judges.NONE);
    }

    /** @param judges where graded assertions find their judge model */
    public static SuiteAssertions of(PromptSet set, Judges judges) {
        SuiteAssertions suite = new SuiteAssertions();
        // for the assertions an expect: block maps to: those read from a file carry their file's folder
        Path dir = set.dir() != null ? set.dir() : Path.of("").toAbsolutePath();
        for (PromptCase c : set.prompts()) {
            List<AssertionSpec> specs = new ArrayList<>(Checker.assertions(c.expect()));
            specs.addAll(c.asserts());
            suite.cases.put(c.id(), c);
            if (!specs.isEmpty()) {
                suite.byCase.put(c.id(), compile(c, specs, dir, judges));
            }
            c.overrides().forEach((model, override) -> {
                if (!override.asserts().isEmpty()) {
                    List<AssertionSpec> more = new ArrayList<>(specs);
                    more.addAll(override.asserts());
                    suite.byModel.computeIfAbsent(c.id(), id -> new HashMap<>()).put(model,
                            compile(c, more, dir, judges));
                }
            });
        }
        return suite;
    }

    private static CaseAssertions compile(PromptCase c, List<AssertionSpec> specs, Path dir, Judges judges) {
        try {
            return CaseAssertions.compile(specs, c.threshold(), dir, judges);
        } catch (InputException e) {
            throw new InputException("prompt '" + c.id() + "': " + e.getMessage());
        }
    }

    public boolean isEmpty() {
        return byCase.isEmpty();
    }

    /** Whether the case's answers are graded (for some model). */
    public boolean grades(String caseId) {
        return byCase.containsKey(caseId) || byModel.containsKey(caseId);
    }

    /** Whether {@code model}'s answers to the case are graded. */
    public boolean grades(String caseId, String model) {
        return assertionsFor(caseId, model) != null;
    }

    private CaseAssertions assertionsFor(String caseId, String model) {
        Map<String, CaseAssertions> models = byModel.get(caseId);
        CaseAssertions own = models == null ? null : models.get(model);
        return own != null ? own : byCase.get(caseId);
    }

    /**
     * Grades one answer to the case; empty when the case asserts nothing.
     *
     * @param costUsd the request's cost, null when no price is known
     */
    public Optional<CaseResult> grade(String caseId, String output, int outputTokens, long latencyNanos,
                                      Double costUsd) {
        return grade(caseId, null, output, outputTokens, latencyNanos, costUsd);
    }

    /** Grades {@code model}'s answer to the case, with the assertions its file adds for that model. */
    public Optional<CaseResult> grade(String caseId, String model, String output, int outputTokens,
                                      long latencyNanos, Double costUsd) {
        CaseAssertions assertions = assertionsFor(caseId, model);
        if (assertions == null) {
            return Optional.empty();
        }
        PromptCase c = cases.get(caseId);
        return Optional.of(assertions.grade(new Answer(output, outputTokens, latencyNanos, costUsd, caseId,
                c.promptText(), c.vars())));
    }
}
