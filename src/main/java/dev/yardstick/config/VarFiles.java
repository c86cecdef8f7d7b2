package dev.yardstick.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A var whose value is {@code file://NAME} holds that file's text, as in promptfoo (relative to the file the var is
 * written in); in a list, each item so. promptfoo runs {@code .js} and {@code .py} vars as code: Yardstick refuses
 * them rather than send the file's source as the value.
 */
final class VarFiles {

    private static final String FILE = "file://";

    private VarFiles() {
    }

    static Map<String, Object> read(SuiteCase layer) {
        Map<String, Object> vars = new LinkedHashMap<>();
        layer.vars().forEach((name, value) -> vars.put(name, value instanceof List<?> items
                ? items.stream().map(item -> resolve(layer, name, item)).toList() : resolve(layer, name, value)));
        return vars;
    }

    private static Object resolve(SuiteCase layer, String name, Object value) {
        if (!(value instanceof String text) || !text.startsWith(FILE)) {
            return value;
        }
        Path named = layer.file().toAbsolutePath().getParent().resolve(text.substring(FILE.length()));
        String field = (layer.path() == null || layer.path().isEmpty() ? "" : layer.path() + ".") + "vars." + name;
        if (named.getFileName().toString().matches(".*\\.(js|cjs|mjs|ts|py)$")) {
            throw InputException.inFile(layer.file().toString(), layer.line(), field, "vars computed by code ("
                    + named.getFileName() + ") are not supported; give the value, or a text file");
        }
        if (!Files.isRegularFile(named)) {
            throw InputException.inFile(layer.file().toString(), layer.line(), field, "file not found: " + named);
        }
        return TextFiles.readText(named).strip();
    }
}
