package dev.yardstick.switching.script;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each field of a YAML document sits: a map from paths ({@code turns[2].switch}) to 1-based line numbers.
 * Jackson reports lines only for the errors it finds itself; checks that need the whole script (a switch to a model
 * the script never named) use this to name the line too.
 */
final class YamlLines {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Indexes a document; a document Jackson cannot read yields an empty index (mapping reports that error). */
    static YamlLines of(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            Deque<Frame> stack = new ArrayDeque<>();
            String pendingField = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    pendingField = parser.currentName();
                    lines.putIfAbsent(child(stack, pendingField), line);
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                String path = stack.isEmpty() ? "" : valuePath(stack, pendingField);
                if (!stack.isEmpty() && stack.peek().array) {
                    lines.putIfAbsent(path, line);
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    stack.push(new Frame(path, token == JsonToken.START_ARRAY));
                }
                pendingField = null;
            }
        } catch (IOException e) {
            return new YamlLines(Map.of());
        }
        return new YamlLines(lines);
    }

    /** The line of a path, or of its nearest indexed parent; 0 when unknown. */
    int line(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
        }
        return 0;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    private static String child(Deque<Frame> stack, String field) {
        String base = stack.isEmpty() ? "" : stack.peek().path;
        return base.isEmpty() ? field : base + "." + field;
    }

    /** The path of the value about to start: a field of the enclosing object, or the next element of an array. */
    private static String valuePath(Deque<Frame> stack, String field) {
        Frame top = stack.peek();
        if (top.array) {
            return top.path + "[" + top.next++ + "]";
        }
        return child(stack, field == null ? "" : field);
    }

    private static final class Frame {
        final String path;
        final boolean array;
        int next;

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }
}
