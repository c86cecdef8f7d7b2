package dev.yardstick.switching.window;

import dev.yardstick.config.Role;
import dev.yardstick.switching.window.ConversationState.Entry;
import dev.yardstick.switching.window.Fitted.Kept;
import dev.yardstick.switching.window.Fitted.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * What a window strategy works on: the system messages (always kept), the earlier turns as whole exchanges (a
 * user message and its answer leave together, so roles keep alternating as every provider requires), the new
 * user message (always kept, never cut), the room available and how to count it.
 */
public record Fitting(List<Entry> system, List<Exchange> exchanges, Entry current, int available, String label,
                      TokenMeter meter, Summarizer summarizer) {

    public Fitting {
        system = List.copyOf(system);
        exchanges = List.copyOf(exchanges);
    }

    /** One earlier turn: the user's message and the answer to it. */
    public record Exchange(int turn, List<Entry> entries) {
        public Exchange {
            entries = List.copyOf(entries);
        }

        List<Integer> ids() {
            return entries.stream().map(Entry::id).toList();
        }
    }

    /** Splits a state whose last message is the new user turn, counted for {@code label}. */
    static Fitting of(ConversationState state, String label, TokenMeter meter, int available, Summarizer summarizer) {
        List<Entry> entries = state.entries();
        Entry current = entries.get(entries.size() - 1);
        List<Entry> system = new ArrayList<>();
        List<Exchange> exchanges = new ArrayList<>();
        List<Entry> open = new ArrayList<>();
        int openTurn = -1;
        for (Entry e : entries.subList(0, entries.size() - 1)) {
            if (e.role() == Role.SYSTEM && e.turn() == 0) {
                system.add(e);
                continue;
            }
            if (e.turn() != openTurn && !open.isEmpty()) {
                exchanges.add(new Exchange(openTurn, open));
                open = new ArrayList<>();
            }
            openTurn = e.turn();
            open.add(e);
        }
        if (!open.isEmpty()) {
            exchanges.add(new Exchange(openTurn, open));
        }
        return new Fitting(system, exchanges, current, available, label, meter, summarizer);
    }

    int cost(Part part) {
        if (part instanceof Kept kept) {
            Integer counted = kept.entry().tokens().get(label);
            return (counted != null ? counted : meter.content(kept.entry().content())) + TokenMeter.PER_MESSAGE;
        }
        return meter.message(part.message());
    }

    int tokens(List<Part> parts) {
        int sum = TokenMeter.PER_REQUEST;
        for (Part part : parts) {
            sum += cost(part);
        }
        return sum;
    }

    /** System messages, then {@code middle}, then the new user message. */
    List<Part> assemble(List<Part> middle) {
        List<Part> parts = new ArrayList<>();
        system.forEach(e -> parts.add(new Kept(e)));
        parts.addAll(middle);
        parts.add(new Kept(current));
        return parts;
    }

    static List<Part> kept(List<Exchange> exchanges) {
        List<Part> parts = new ArrayList<>();
        for (Exchange x : exchanges) {
            x.entries().forEach(e -> parts.add(new Kept(e)));
        }
        return parts;
    }

    /** Everything, unfitted. */
    List<Part> whole() {
        return assemble(kept(exchanges));
    }

    /** The least any strategy may send: the system messages and the new user message. */
    int minimal() {
        return tokens(assemble(List.of()));
    }

    Fitted result(String strategy, List<Part> parts, List<Integer> dropped, List<Integer> condensed, String note) {
        return new Fitted(strategy, parts, dropped, condensed, tokens(whole()), tokens(parts), available, note);
    }

    /**
     * Drops whole exchanges in the given order (indices into {@link #exchanges}) until the rest fits; the ones kept
     * stay in their original order.
     */
    Fitted dropInOrder(String strategy, List<Integer> order) {
        boolean[] gone = new boolean[exchanges.size()];
        List<Part> parts = whole();
        int removed = 0;
        for (int index : order) {
            if (tokens(parts) <= available) {
                break;
            }
            gone[index] = true;
            removed++;
            parts = assemble(kept(remaining(gone)));
        }
        return result(strategy, parts, idsOf(gone), List.of(), removed == 0 ? ""
                : "dropped " + removed + " earlier turn" + (removed == 1 ? "" : "s") + " " + turnsOf(gone));
    }

    List<Exchange> remaining(boolean[] gone) {
        List<Exchange> kept = new ArrayList<>();
        for (int i = 0; i < exchanges.size(); i++) {
            if (!gone[i]) {
                kept.add(exchanges.get(i));
            }
        }
        return kept;
    }

    List<Integer> idsOf(boolean[] gone) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < exchanges.size(); i++) {
            if (gone[i]) {
                ids.addAll(exchanges.get(i).ids());
            }
        }
        return ids;
    }

    /** {@code (turns 1–2, 4)}: the turns marked gone, in ranges. */
    String turnsOf(boolean[] gone) {
        List<Integer> turns = new ArrayList<>();
        for (int i = 0; i < exchanges.size(); i++) {
            if (gone[i]) {
                turns.add(exchanges.get(i).turn());
            }
        }
        return "(" + Ranges.of(turns) + ")";
    }
}
