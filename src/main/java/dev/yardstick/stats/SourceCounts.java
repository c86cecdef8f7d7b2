package dev.yardstick.stats;

import dev.yardstick.provider.TokenSource;

import java.util.ArrayList;
import java.util.List;

/**
 * How many successful requests had their token count from each source, so a total built from several sources is
 * never mixed silently.
 */
public record SourceCounts(long reported, long counted, long estimated) {

    public static final SourceCounts NONE = new SourceCounts(0, 0, 0);

    public SourceCounts plus(SourceCounts other) {
        return new SourceCounts(reported + other.reported, counted + other.counted, estimated + other.estimated);
    }

    public long count(TokenSource source) {
        return switch (source) {
            case REPORTED -> reported;
            case COUNTED -> counted;
            case ESTIMATED -> estimated;
        };
    }

    /**
     * A model's token source as its samples say: one label when input and output counts agree, else both; empty
     * when no count was made.
     */
    public static java.util.Optional<String> describe(SourceCounts input, SourceCounts output) {
        if (input.equals(NONE) && output.equals(NONE)) {
            return java.util.Optional.empty();
        }
        String in = input.label();
        String out = output.label();
        return java.util.Optional.of(in.equals(out) ? out : "input " + in + "; output " + out);
    }

    /** {@code reported}, {@code counted} or {@code estimated} when one source made every count, else each share. */
    public String label() {
        List<String> parts = new ArrayList<>();
        for (TokenSource source : TokenSource.values()) {
            if (count(source) > 0) {
                parts.add(source.label() + " " + count(source));
            }
        }
        if (parts.isEmpty()) {
            return "none";
        }
        if (parts.size() == 1) {
            return parts.getFirst().substring(0, parts.getFirst().indexOf(' '));
        }
        return "mixed: " + String.join(", ", parts);
    }
}
