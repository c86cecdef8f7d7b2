package dev.yardstick.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds a record from parsed options by name: component {@code maxConcurrency} takes the value of option
 * {@code --max-concurrency}. No positional list to keep in step with the options, so two settings of one type cannot
 * be swapped; a component without its option, an option without its component, or a type that differs is a
 * programming error, raised at the first parse.
 */
final class RecordBinding {

    private RecordBinding() {
    }

    /**
     * @param options  the options to bind, each to the component of its long name
     * @param others   the values of the components no option sets, by component name
     */
    static <R extends Record> R bind(Class<R> type, List<OptionSpec> options, Map<String, Object> others) {
        Map<String, OptionSpec> byKey = new LinkedHashMap<>();
        options.forEach(o -> byKey.put(PlanFile.key(o), o));
        TreeSet<String> unbound = new TreeSet<>(byKey.keySet());
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            if (others.containsKey(c.getName())) {
                values[i] = others.get(c.getName());
                continue;
            }
            OptionSpec option = byKey.get(kebab(c.getName()));
            if (option == null || !c.getType().isAssignableFrom(boxed(option.type()))) {
                throw new IllegalStateException(type.getSimpleName() + "." + c.getName() + " (" + c.getType()
                        .getSimpleName() + ") has no option --" + kebab(c.getName()) + " of its type");
            }
            unbound.remove(kebab(c.getName()));
            values[i] = option.getValue();
        }
        if (!unbound.isEmpty()) {
            throw new IllegalStateException("options with no component in " + type.getSimpleName() + ": " + unbound);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the record's own check of the values: an input error
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    /** {@code maxConcurrency} → {@code max-concurrency}. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Class<?> boxed(Class<?> type) {
        return type == int.class ? Integer.class : type == long.class ? Long.class : type == double.class
                ? Double.class : type == boolean.class ? Boolean.class : type;
    }
}
