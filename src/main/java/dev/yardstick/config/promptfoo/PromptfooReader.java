package dev.yardstick.config.promptfoo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.config.AssertionCheck;
import dev.yardstick.config.CaseEntry;
import dev.yardstick.config.CaseFiles;
import dev.yardstick.config.FileRef;
import dev.yardstick.config.InputException;
import dev.yardstick.config.KeyLines;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.PromptCase;
import dev.yardstick.config.PromptSet;
import dev.yardstick.config.SuiteCase;
import dev.yardstick.config.SuiteExpansion;
import dev.yardstick.config.TextFiles;
import dev.yardstick.config.YamlFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a promptfoo config as it is ({@code compare --promptfoo promptfooconfig.yaml}) into the prompt set and
 * models compare runs: {@link PromptfooPrompts} for its prompts, {@link PromptfooProviders} for its providers, and
 * its tests (inline or {@code file://} YAML, JSONL or CSV) with {@code defaultTest} through the same expansion as
 * Yardstick's own prompt files. What it cannot map (an unknown provider prefix, an assertion type Yardstick does not
 * run, a key such as {@code scenarios}) is an input error at its file and line before anything runs, never skipped.
 */
public final class PromptfooReader {

    /** The top-level keys Yardstick runs. */
    private static final List<String> KEYS = List.of("description", "prompts", "providers", "tests", "defaultTest");

    private PromptfooReader() {
    }

    public static PromptfooSuite read(Path file, AssertionCheck check) {
        String text = TextFiles.readText(file);
        refuseUnsupportedKeys(file, text);
        PromptfooFile parsed = YamlFiles.parse(file, text, PromptfooFile.class);
        if (parsed.prompts() == null || parsed.prompts().isEmpty()) {
            throw InputException.inFile(file.toString(), 0, "prompts", "a promptfoo config needs its prompts");
        }
        if (parsed.providers() == null || parsed.providers().isEmpty()) {
            throw InputException.inFile(file.toString(), 0, "providers", "a promptfoo config needs its providers");
        }
        PromptfooProviders providers = new PromptfooProviders();
        List<ModelSpec> models = new ArrayList<>();
        for (int i = 0; i < parsed.providers().size(); i++) {
            PromptfooFile.ProviderItem item = parsed.providers().get(i);
            models.add(mapped(file, text, "providers[" + i + "]", () -> providers.map(item)));
        }
        List<PromptfooPrompts.Prompt> prompts = PromptfooPrompts.read(file, text, parsed.prompts());
        List<SuiteExpansion.Template> templates = new ArrayList<>();
        for (PromptfooPrompts.Prompt prompt : prompts) {
            // One prompt: cases are named by their tests alone, as promptfoo shows them.
            templates.add(new SuiteExpansion.Template(prompts.size() == 1 ? null : prompt.name(), prompt.messages(),
                    SuiteCase.none(file, "prompts")));
        }
        String judge = null;
        SuiteCase defaults = SuiteCase.none(file, "defaultTest");
        CaseEntry defaultTest = parsed.defaultTest();
        if (defaultTest != null) {
            if (defaultTest.ref() != null) {
                throw InputException.inFile(file.toString(), KeyLines.firstLineNaming(text, "defaultTest"),
                        "defaultTest", "a defaultTest read from a file is not supported; write it in the config");
            }
            if (defaultTest.judge() != null) {
                judge = mapped(file, text, "defaultTest.options.provider",
                        () -> providers.judge(defaultTest.judge()));
            }
            defaults = defaultTest.toCase(file, "defaultTest", defaultTest.asserts().isEmpty() ? 0
                    : defaultTest.asserts().getFirst().line());
        }
        List<SuiteCase> tests = parsed.tests() == null || parsed.tests().isEmpty()
                ? List.of(SuiteCase.none(file, "tests"))
                : CaseFiles.read(file, "tests", parsed.tests(),
                        id -> mapped(file, text, "tests", () -> providers.judge(id)));
        List<PromptCase> cases = SuiteExpansion.expand(file, templates, defaults, tests, check);
        String name = parsed.description() != null ? parsed.description() : file.getFileName().toString();
        PromptSet set = new PromptSet(name, parsed.description(), cases, FileRef.folderOf(file), judge);
        return new PromptfooSuite(set, models, providers.endpoints(), providers.keys());
    }

    /** promptfoo keys Yardstick does not run, named with their line before anything is mapped. */
    private static void refuseUnsupportedKeys(Path file, String text) {
        JsonNode tree = YamlFiles.readTree(file, text);
        if (tree == null || !tree.isObject()) {
            throw InputException.inFile(file.toString(), 0, null, "a promptfoo config is a mapping (prompts:,"
                    + " providers:, tests:)");
        }
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw InputException.inFile(file.toString(), KeyLines.firstLineNaming(text, key), key,
                        "promptfoo's '" + key + "' is not supported by Yardstick (it runs " + String.join(", ", KEYS)
                                + ")");
            }
        }
    }

    private static <T> T mapped(Path file, String text, String field, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (PromptfooProviders.Unmappable e) {
            return throwAt(file, text, field, e);
        }
    }

    private static <T> T throwAt(Path file, String text, String field, PromptfooProviders.Unmappable e) {
        throw InputException.inFile(file.toString(), KeyLines.lineContaining(text, e.needle), field, e.getMessage());
    }
}
