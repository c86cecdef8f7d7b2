package dev.yardstick.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns prompts and test cases as written into the cases a run sends, the way promptfoo does: every prompt with
 * every case, the file's defaults under each case (vars merged, the case's winning; assertions added before the
 * case's own; the case's threshold, else the default), and every combination of list-valued vars a case of its own.
 * Both prompt file formats (Yardstick's and promptfoo's) end here, so their cases mean the same.
 */
public final class SuiteExpansion {

    private SuiteExpansion() {
    }

    /**
     * A prompt to fill: its name ({@code id}, null when a file has one prompt and its cases are named alone), the
     * messages with their {{placeholders}}, and what the prompt itself sets for its cases ({@code own}).
     */
    public record Template(String id, List<Message> messages, SuiteCase own) {
        public Template {
            messages = List.copyOf(messages);
        }
    }

    /**
     * @param defaults under every case: {@code defaults:} / promptfoo's {@code defaultTest}, and the file's vars
     * @param cases    the cases each template runs with; null when each template is a case of its own
     */
    public static List<PromptCase> expand(Path file, List<Template> templates, SuiteCase defaults,
                                          List<SuiteCase> cases, AssertionCheck check) {
        List<PromptCase> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        AssertionFiles files = new AssertionFiles();
        for (Template template : templates) {
            List<SuiteCase> own = cases == null ? List.of(SuiteCase.none(file, "")) : cases;
            for (int index = 0; index < own.size(); index++) {
                SuiteCase c = own.get(index);
                String name = cases == null ? template.id() : join(template.id(), caseName(c, index));
                List<SuiteCase> layers = List.of(defaults, template.own(), c);
                Map<String, Object> vars = new LinkedHashMap<>();
                layers.forEach(layer -> vars.putAll(VarFiles.read(layer)));
                List<VarsMatrix.Combination> combinations;
                try {
                    combinations = VarsMatrix.expand(vars);
                } catch (FieldException e) {
                    SuiteCase where = layers.stream().filter(l -> l.vars().containsKey(e.field().substring(5)))
                            .reduce((a, b) -> b).orElse(c);
                    throw InputException.inFile(where.file().toString(), where.line(),
                            prefixed(where.path(), e.field()), e.problem());
                }
                for (VarsMatrix.Combination combination : combinations) {
                    String id = unique(ids, combination.label().isEmpty() ? name
                            : name + " [" + combination.label() + "]");
                    out.add(toCase(id, template, layers, combination.vars(), files, check));
                }
            }
        }
        return out;
    }

    private static PromptCase toCase(String id, Template template, List<SuiteCase> layers, Map<String, String> vars,
                                     AssertionFiles files, AssertionCheck check) {
        Path file = template.own().file();
        List<Message> messages = template.messages().stream()
                .map(m -> new Message(m.role(), PromptLoader.fill(file, id, m.content(), vars))).toList();
        List<AssertionSpec> asserts = new ArrayList<>();
        Double threshold = null;
        Expectation expect = null;
        Map<String, ModelOverride> overrides = new LinkedHashMap<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (SuiteCase layer : layers) {
            asserts.addAll(CaseAsserts.of(layer.file(), prefixed(layer.path(), "assert"), id, layer.asserts(), vars,
                    files, check));
            threshold = layer.threshold() != null ? layer.threshold() : threshold;
            expect = layer.expect() != null ? layer.expect() : expect;
            metadata.putAll(layer.metadata());
            layer.models().forEach((model, override) -> {
                try {
                    ModelSpec.parse(model);
                } catch (InputException e) {
                    throw InputException.inFile(layer.file().toString(), KeyLines.lineContaining(
                            TextFiles.readText(layer.file()), model), prefixed(layer.path(), "models"), e.getMessage());
                }
                String path = prefixed(layer.path(), "models." + model + ".assert");
                ModelOverride filled = override.withAsserts(CaseAsserts.of(layer.file(), path, id, override.asserts(),
                        vars, files, check));
                overrides.merge(model, filled, ModelOverride::then);
            });
        }
        return new PromptCase(id, messages, expect, vars, asserts, threshold, overrides, metadata);
    }

    private static String caseName(SuiteCase c, int index) {
        return c.description() != null && !c.description().isBlank() ? c.description().strip()
                : "case " + (index + 1);
    }

    private static String join(String prompt, String caseName) {
        return prompt == null ? caseName : prompt + "/" + caseName;
    }

    /** Case names come from descriptions users write twice at times: the second is {@code name (2)}. */
    private static String unique(Set<String> ids, String id) {
        String candidate = id;
        for (int n = 2; !ids.add(candidate); n++) {
            candidate = id + " (" + n + ")";
        }
        return candidate;
    }

    private static String prefixed(String path, String field) {
        return path == null || path.isEmpty() ? field : path + "." + field;
    }
}
