package dev.yardstick.benchmark;

import dev.yardstick.config.InputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One machine's share of a plan run on several ({@code --shard 2/3}, 1-based like jest's and Playwright's): the
 * plan's request indices are dealt round-robin (shard i of N takes indices i−1, i−1+N, i−1+2N, ...), and its rate
 * and concurrency are divided. Every shard builds the same prompts for the same indices, so the shards together
 * send exactly the requests one run would, and their histograms add up to one run's.
 *
 * @param index  0-based
 * @param count  how many shards in all
 */
public record Shard(int index, int count) {

    public static final Shard WHOLE = new Shard(0, 1);

    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new InputException("shard " + (index + 1) + "/" + count + " does not exist (expected i/N with 1 ≤ i ≤ N)");
        }
    }

    /** Parses {@code i/N}, 1-based; null or blank is the whole plan. */
    public static Shard parse(String text) {
        if (text == null || text.isBlank()) {
            return WHOLE;
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new InputException("malformed shard '" + text + "' (expected i/N, e.g. 1/2 for the first of two)");
        }
        try {
            return new Shard(Integer.parseInt(m.group(1)) - 1, Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            throw new InputException("malformed shard '" + text + "' (numbers too large)");
        }
    }

    public boolean whole() {
        return count == 1;
    }

    /** The plan-wide index of this shard's {@code local}-th request. */
    public long globalIndex(long local) {
        return local * count + index;
    }

    /** How many of the plan's first {@code total} requests are this shard's. */
    public long localCount(long total) {
        return total <= index ? 0 : (total - index + count - 1) / count;
    }

    /** This shard's part of a concurrency: the shares differ by at most one and add up to the whole. */
    public int share(int concurrency) {
        return concurrency / count + (index < concurrency % count ? 1 : 0);
    }

    /** This shard's part of a rate. */
    public double share(double rate) {
        return rate / count;
    }

    /** {@code 2/3}, 1-based as typed. */
    public String text() {
        return (index + 1) + "/" + count;
    }
}
