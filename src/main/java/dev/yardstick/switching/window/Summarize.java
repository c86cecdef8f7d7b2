package dev.yardstick.switching.window;

import dev.yardstick.config.Message;
import dev.yardstick.switching.window.Fitted.Condensed;
import dev.yardstick.switching.window.Fitted.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * Condenses the older turns into one summary, written by a named model, and keeps as many recent turns whole as
 * fit beside it. The summary goes right after the system prompt as a system message (where every provider,
 * Anthropic's top-level system field included, keeps it in order). A summary longer than its room is cut to fit:
 * it is the tool's own text, never the user's.
 *
 * @param summarizer the script's name of the model that writes summaries
 * @param tokens     the most room a summary may take, in the target model's tokens
 */
public record Summarize(String summarizer, int tokens) implements WindowStrategy {

    public static final int DEFAULT_TOKENS = 48;
    public static final String PREFIX = "Summary of the earlier conversation: ";
    /** Less room than this and a summary says nothing: the older turns are dropped instead. */
    static final int MIN_TOKENS = 8;

    @Override
    public String name() {
        return "summarize";
    }

    @Override
    public String describe() {
        return "summarize (older turns condensed by " + summarizer + ", at most " + tokens + " tokens)";
    }

    @Override
    public Fitted fit(Fitting input) {
        List<Fitting.Exchange> all = input.exchanges();
        for (int keep = all.size() - 1; keep >= 0; keep--) {
            List<Fitting.Exchange> older = all.subList(0, all.size() - keep);
            List<Fitting.Exchange> recent = all.subList(all.size() - keep, all.size());
            // The content tokens the summary message may take, its prefix included.
            int room = input.available() - input.tokens(input.assemble(Fitting.kept(recent))) - TokenMeter.PER_MESSAGE;
            int forText = room - input.meter().content(PREFIX);
            if (forText < MIN_TOKENS) {
                continue;
            }
            List<Message> condensedMessages = new ArrayList<>();
            List<Integer> condensedIds = new ArrayList<>();
            for (Fitting.Exchange x : older) {
                x.entries().forEach(e -> {
                    condensedMessages.add(e.message());
                    condensedIds.add(e.id());
                });
            }
            String text = input.summarizer().summarize(condensedMessages, Math.min(tokens, forText)).strip();
            String note = "condensed " + Ranges.of(older.stream().map(Fitting.Exchange::turn).toList())
                    + " into a summary by " + summarizer;
            String fitted = cutToFit(text, room, input.meter());
            if (fitted.length() < text.length()) {
                note += " (cut to fit)";
            }
            List<Part> middle = new ArrayList<>();
            middle.add(new Condensed(Message.system(PREFIX + fitted), condensedIds));
            middle.addAll(Fitting.kept(recent));
            return input.result(name(), input.assemble(middle), List.of(), condensedIds, note);
        }
        // Not even a short summary fits beside the new message: say so and drop the older turns instead.
        boolean[] gone = new boolean[all.size()];
        java.util.Arrays.fill(gone, true);
        return input.result(name(), input.assemble(List.of()), input.idsOf(gone), List.of(),
                "no room for a summary: dropped " + input.turnsOf(gone));
    }

    /** The longest prefix of {@code text} whose summary message content fits in {@code room} tokens. */
    static String cutToFit(String text, int room, TokenMeter meter) {
        if (meter.content(PREFIX + text) <= room) {
            return text;
        }
        int low = 0;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (meter.content(PREFIX + text.substring(0, mid)) <= room) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (low > 0 && Character.isHighSurrogate(text.charAt(low - 1))) {
            low--; // never split a character in two
        }
        return text.substring(0, low).strip();
    }
}
