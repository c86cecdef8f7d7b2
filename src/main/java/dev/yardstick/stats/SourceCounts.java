package dev.yardstick.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How many successful requests had their token count from each source — the provider's usage ({@code reported}),
 * the model's tokenizer ({@code counted}) or an estimate — so a total built from several sources is never mixed
 * silently.
 */
public record SourceCounts(long reported, long counted, long estimated) {

    public static final SourceCounts NONE = new SourceCounts(0, 0, 0);

    public SourceCounts plus(SourceCounts other) {
        return new SourceCounts(reported + other.reported, counted + other.counted, estimated + other.estimated);
    }

    /**
     * A model's token source as its samples say: one label when input and output counts agree, else both; empty
     * when no count was made.
     */
    public static Optional<String> describe(SourceCounts input, SourceCounts output) {
        if (input.equals(NONE) && output.equals(NONE)) {
            return Optional.empty();
        }
        String in = input.label();
        String out = output.label();
        return Optional.of(in.equals(out) ? out : "input " + in + "; output " + out);
    }

    /** {@code reported}, {@code counted} or {@code estimated} when one source made every count, else each share. */
    public String label() {
        List<String> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        addIfAny(parts, names, "reported", reported);
        addIfAny(parts, names, "counted", counted);
        addIfAny(parts, names, "estimated", estimated);
        if (parts.isEmpty()) {
            return "none";
        }
        return parts.size() == 1 ? names.getFirst() : "mixed: " + String.join(", ", parts);
    }

    private static void addIfAny(List<String> parts, List<String> names, String name, long count) {
        if (count > 0) {
            parts.add(name + " " + count);
            names.add(name);
        }
    }
}
