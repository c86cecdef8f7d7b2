package dev.yardstick.switching;

import dev.yardstick.config.InputException;
import dev.yardstick.config.Role;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.switching.script.ConversationScript;
import dev.yardstick.switching.window.ConversationState;
import dev.yardstick.switching.window.Summarizer;
import dev.yardstick.switching.window.TokenMeter;
import dev.yardstick.switching.window.WindowFitter;
import dev.yardstick.switching.window.WindowOverflow;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Checks, before any request, that every turn can reach the model its route sends it to: the system prompt and
 * the turn's own user message must fit that model's window beside the room reserved for the answer. Otherwise no
 * window strategy could help without cutting the user's words, which switch-test never does: the run stops with
 * one line naming the file, the turn's line and the numbers.
 */
final class Preflight {

    private Preflight() {
    }

    static void check(ConversationScript script, List<ConversationScript.Route> routes,
                      Map<String, ModelClient> models) {
        Map<String, OptionalInt> windows = ModelWindows.of(script, models);
        for (ConversationScript.Route route : routes) {
            for (ConversationScript.Turn turn : script.turns()) {
                String label = script.label(route.names().get(turn.number() - 1));
                TokenMeter meter = new TokenMeter(models.get(label).tokenCounter());
                ConversationState alone = ConversationState.start(script.system())
                        .append(Role.USER, turn.user(), turn.number(), "script").countedFor(label, meter);
                try {
                    WindowFitter.fit(alone, label, meter, windows.get(label), script.maxTokens(), script.window(),
                            Summarizer.NONE);
                } catch (WindowOverflow e) {
                    throw InputException.inFile(script.file(), turn.line(), "turns[" + (turn.number() - 1) + "].user",
                            "turn " + turn.number() + " cannot be sent to " + label + ": " + e.getMessage());
                }
            }
        }
    }
}
