package dev.yardstick.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A var whose value is {@code file://NAME} holds that file's text, as in promptfoo (relative to the file the var is
 * written in); in a list, each item so. promptfoo runs {@code .js} and {@code .py} vars as code: Yardstick refuses
 * them rather than send the file's source as the value.
 */
final class VarFiles {

    private VarFiles() {
    }

    static Map<String, Object> read(SuiteCase layer) {
        Map<String, Object> vars = new LinkedHashMap<>();
        layer.vars().forEach((name, value) -> vars.put(name, value instanceof List<?> items
                ? items.stream().map(item -> resolve(layer, name, item)).toList() : resolve(layer, name, value)));
        return vars;
    }

    private static Object resolve(SuiteCase layer, String name, Object value) {
        if (!FileRef.is(value)) {
            return value;
        }
        String ref = (String) value;
        String field = (layer.path() == null || layer.path().isEmpty() ? "" : layer.path() + ".") + "vars." + name;
        Function<String, InputException> located = problem -> InputException.inFile(layer.file().toString(),
                layer.line(), field, problem);
        if (FileRef.name(ref).matches(".*\\.(js|cjs|mjs|ts|py)$")) {
            throw located.apply("vars computed by code (" + FileRef.name(ref) + ") are not supported; give the"
                    + " value, or a text file");
        }
        return TextFiles.readText(FileRef.file(FileRef.folderOf(layer.file()), ref, located)).strip();
    }
}
