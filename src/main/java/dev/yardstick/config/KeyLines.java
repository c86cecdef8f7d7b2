package dev.yardstick.config;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Finds the line of a YAML file that names a key: parsers report a key's line late, or not at all. */
public final class KeyLines {

    private KeyLines() {
    }

    /** The nearest line at or before {@code reported} that names {@code key}; {@code reported} if none does. */
    static int lineNaming(String text, String key, int reported) {
        List<String> lines = text.lines().toList();
        Pattern named = keyPattern(key);
        for (int i = Math.min(reported, lines.size()); i >= 1; i--) {
            if (named.matcher(lines.get(i - 1)).find()) {
                return i;
            }
        }
        return reported;
    }

    /** The first line that names {@code key} (as {@code key:}), 0 when none does. */
    public static int firstLineNaming(String text, String key) {
        Pattern named = keyPattern(key);
        return firstLineWhere(text, line -> named.matcher(line).find());
    }

    /** The first line that gives {@code key} the scalar {@code value} ({@code key: value}), 0 when none does. */
    public static int firstLineNaming(String text, String key, String value) {
        Pattern named = Pattern.compile(keyPattern(key).pattern() + "\\s*[\"']?" + Pattern.quote(value)
                + "[\"']?\\s*([,}#]|$)");
        return firstLineWhere(text, line -> named.matcher(line).find());
    }

    /** The first line that holds {@code needle}, 0 when none does: where a value is written. */
    public static int lineContaining(String text, String needle) {
        return firstLineWhere(text, line -> line.contains(needle));
    }

    private static int firstLineWhere(String text, Predicate<String> test) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static Pattern keyPattern(String key) {
        return Pattern.compile("(^|[\\s{,-])[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
    }

    /** The key a line names ({@code  - max-tokens: 5} → {@code max-tokens}), null for none. */
    static String keyOnLine(String text, int line) {
        List<String> lines = text.lines().toList();
        if (line < 1 || line > lines.size()) {
            return null;
        }
        var m = Pattern.compile("^[\\s-]*[\"']?([A-Za-z0-9_.-]+)[\"']?\\s*:").matcher(lines.get(line - 1));
        return m.find() ? m.group(1) : null;
    }
}
