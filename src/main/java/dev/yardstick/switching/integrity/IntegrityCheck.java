package dev.yardstick.switching.integrity;

import dev.yardstick.config.Message;
import dev.yardstick.report.Formats;
import dev.yardstick.switching.window.ConversationState;
import dev.yardstick.switching.window.Fitted.Condensed;
import dev.yardstick.switching.window.Fitted.Kept;
import dev.yardstick.switching.window.Fitted.Part;
import dev.yardstick.switching.window.Fitted;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Holds what a provider received against the conversation state: every message present, in order, roles intact,
 * content byte-identical — unless the window strategy declared it dropped or condensed. When they differ, it says
 * how, message by message: missing, out of order, role changed, content changed (at which byte), unexpected.
 */
public final class IntegrityCheck {

    private static final int EXCERPT = 40;

    private IntegrityCheck() {
    }

    /** The verdict, with one finding per difference (none when intact). */
    public record Result(boolean intact, String summary, List<String> findings) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    /**
     * @param state    the conversation the request was built from (its last message the new user turn)
     * @param fitted   what the strategy sent and declared left out
     * @param received the messages the provider received
     */
    public static Result check(ConversationState state, Fitted fitted, List<Message> received) {
        List<String> findings = new ArrayList<>(accounting(state, fitted));
        List<Part> expected = fitted.parts();
        boolean[] used = new boolean[received.size()];
        int last = -1;
        for (Part part : expected) {
            Message want = part.message();
            int exact = find(received, used, want, last + 1);
            if (exact >= 0) {
                used[exact] = true;
                last = exact;
                continue;
            }
            int earlier = find(received, used, want, 0);
            if (earlier >= 0) {
                used[earlier] = true;
                findings.add(name(part) + " arrived out of order (position " + (earlier + 1) + ", after a message "
                        + "that follows it)");
                continue;
            }
            int recast = findContent(received, used, want.content());
            if (recast >= 0) {
                used[recast] = true;
                last = Math.max(last, recast);
                findings.add(name(part) + " arrived with role " + received.get(recast).role().wireName()
                        + " instead of " + want.role().wireName());
                continue;
            }
            int aligned = nextUnused(used, last + 1);
            if (aligned >= 0 && received.get(aligned).role() == want.role()) {
                used[aligned] = true;
                last = aligned;
                findings.add(name(part) + " arrived changed: " + difference(want.content(),
                        received.get(aligned).content()));
                continue;
            }
            findings.add(name(part) + " is missing: not sent, and not declared dropped or condensed by "
                    + fitted.strategy());
        }
        for (int i = 0; i < received.size(); i++) {
            if (!used[i]) {
                Message m = received.get(i);
                findings.add("message " + (i + 1) + " (" + m.role().wireName() + ") \""
                        + Formats.excerpt(m.content(), EXCERPT) + "\" is not in the conversation");
            }
        }
        if (findings.isEmpty()) {
            return new Result(true, summary(fitted), List.of());
        }
        return new Result(false, findings.size() + " difference" + (findings.size() == 1 ? "" : "s") + ": "
                + findings.get(0), findings);
    }

    /** A strategy must account for every message of the state: sent, dropped or condensed. */
    private static List<String> accounting(ConversationState state, Fitted fitted) {
        Set<Integer> sent = new HashSet<>();
        for (Part part : fitted.parts()) {
            if (part instanceof Kept kept) {
                sent.add(kept.entry().id());
            }
        }
        List<String> unaccounted = new ArrayList<>();
        for (ConversationState.Entry e : state.entries()) {
            if (!sent.contains(e.id()) && !fitted.declaredAway(e.id())) {
                unaccounted.add(e.describe() + " was left out without being declared by " + fitted.strategy());
            }
        }
        return unaccounted;
    }

    private static String summary(Fitted fitted) {
        String base = fitted.parts().size() + " messages in order, roles and bytes intact";
        List<String> declared = new ArrayList<>();
        if (!fitted.dropped().isEmpty()) {
            declared.add(fitted.dropped().size() + " dropped");
        }
        if (!fitted.condensed().isEmpty()) {
            declared.add(fitted.condensed().size() + " condensed");
        }
        return declared.isEmpty() ? base : base + "; " + String.join(", ", declared) + " by " + fitted.strategy()
                + " (declared)";
    }

    private static int find(List<Message> received, boolean[] used, Message want, int from) {
        for (int i = from; i < received.size(); i++) {
            if (!used[i] && received.get(i).equals(want)) {
                return i;
            }
        }
        return -1;
    }

    private static int findContent(List<Message> received, boolean[] used, String content) {
        for (int i = 0; i < received.size(); i++) {
            if (!used[i] && received.get(i).content().equals(content)) {
                return i;
            }
        }
        return -1;
    }

    private static int nextUnused(boolean[] used, int from) {
        for (int i = from; i < used.length; i++) {
            if (!used[i]) {
                return i;
            }
        }
        return -1;
    }

    private static String name(Part part) {
        if (part instanceof Kept kept) {
            return "message " + kept.entry().describe();
        }
        return "the summary of " + ((Condensed) part).replaces().size() + " earlier messages";
    }

    /** Where two texts first differ, in UTF-8 bytes, with a little of each side. */
    static String difference(String expected, String actual) {
        byte[] a = expected.getBytes(StandardCharsets.UTF_8);
        byte[] b = actual.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < a.length && i < b.length && a[i] == b[i]) {
            i++;
        }
        return "first difference at byte " + i + " of " + a.length + " (expected \"" + around(a, i) + "\", got \""
                + around(b, i) + "\")";
    }

    private static String around(byte[] bytes, int at) {
        int from = Math.max(0, at - 8);
        int to = Math.min(bytes.length, at + 8);
        return new String(bytes, from, to - from, StandardCharsets.UTF_8).replace("\n", "\\n");
    }
}
