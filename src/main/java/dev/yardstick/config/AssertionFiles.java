package dev.yardstick.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An assertion value written as {@code file://NAME} is that file's content, as promptfoo reads it: a {@code .json},
 * {@code .yaml} or {@code .yml} file as data (a schema, a list of texts, a value to compare as JSON), any other as its
 * text, stripped (promptfoo trims it); so is a {@code file://} item of a list value. Without this the kinds that
 * compare text would compare the answer with the words "file://NAME" and fail every case quietly. The kinds whose value
 * is a script ({@code javascript}, {@code python}, {@code command}) keep the reference: they load the script
 * themselves. A script named where a value is expected is refused, since promptfoo would run it for the value. One
 * instance serves one suite load, so a file many cases share is read once.
 */
final class AssertionFiles {

    private static final Set<String> SCRIPTED = Set.of("javascript", "python", "command");

    private final Map<Path, Object> loaded = new HashMap<>();

    /**
     * The assertion, and an assert-set's children, with a {@code file://} value replaced by the file's content,
     * read relative to the assertion's folder ({@link AssertionSpec#dir()}).
     *
     * @throws FieldException at {@code value} (or a child's) naming the path tried or what is wrong in the file
     */
    AssertionSpec load(AssertionSpec spec) {
        String kind = spec.type().startsWith("not-") ? spec.type().substring(4) : spec.type();
        Object value = SCRIPTED.contains(kind) ? spec.value() : dereferenced(spec.dir(), spec.value());
        List<AssertionSpec> children = new ArrayList<>();
        for (int i = 0; i < spec.children().size(); i++) {
            try {
                children.add(load(spec.children().get(i)));
            } catch (FieldException e) {
                throw new FieldException(AssertionSpec.CHILDREN + "[" + i + "]." + e.field(), e.problem());
            }
        }
        if (value == spec.value()) {
            return spec.withChildren(children);
        }
        return new AssertionSpec(spec.type(), value, spec.threshold(), spec.weight(), spec.metric(), spec.config(),
                spec.line(), spec.dir()).withChildren(children);
    }

    /**
     * A {@code file://} value's content; a list's {@code file://} items each replaced by theirs, as promptfoo
     * dereferences every reference it finds (a list of texts some of which are long or shared).
     */
    private Object dereferenced(Path dir, Object value) {
        if (FileRef.is(value)) {
            return content(dir, (String) value, "value");
        }
        if (!(value instanceof List<?> items) || items.stream().noneMatch(FileRef::is)) {
            return value;
        }
        List<Object> read = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            read.add(FileRef.is(items.get(i)) ? content(dir, (String) items.get(i), "value[" + i + "]") : items.get(i));
        }
        return read;
    }

    private Object content(Path dir, String ref, String field) {
        if (FileRef.name(ref).matches(".*\\.(js|cjs|mjs|ts|py)$")) {
            throw new FieldException(field, "a value computed by code (" + FileRef.name(ref) + ") is not supported;"
                    + " give a text, JSON or YAML file (javascript and python assertions run scripts)");
        }
        Path file = FileRef.file(dir, ref, problem -> new FieldException(field, problem));
        try {
            return loaded.computeIfAbsent(file, AssertionFiles::read);
        } catch (InputException e) {
            throw new FieldException(field, e.getMessage());
        }
    }

    private static Object read(Path file) {
        return file.getFileName().toString().matches("(?i).*\\.(json|ya?ml)$") ? YamlFiles.read(file, Object.class)
                : TextFiles.readText(file).strip();
    }
}
