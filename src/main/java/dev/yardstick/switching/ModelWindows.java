package dev.yardstick.switching;

import dev.yardstick.provider.ModelClient;
import dev.yardstick.switching.script.ConversationScript;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/** The window each model's requests must fit: the provider's, capped by the script's. */
final class ModelWindows {

    private ModelWindows() {
    }

    /** Each model's window, by label; a label named twice in the script gets the smaller. */
    static Map<String, OptionalInt> of(ConversationScript script, Map<String, ModelClient> opened) {
        Map<String, OptionalInt> windows = new LinkedHashMap<>();
        script.models().forEach((name, spec) -> windows.merge(spec.label(),
                window(opened.get(spec.label()), script.windows().get(name)), ModelWindows::smaller));
        return windows;
    }

    private static OptionalInt window(ModelClient client, Integer cap) {
        OptionalInt own = client.contextWindow();
        if (cap == null) {
            return own;
        }
        return OptionalInt.of(own.isPresent() ? Math.min(own.getAsInt(), cap) : cap);
    }

    private static OptionalInt smaller(OptionalInt a, OptionalInt b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : OptionalInt.of(Math.min(a.getAsInt(), b.getAsInt()));
    }
}
