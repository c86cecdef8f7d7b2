package dev.yardstick.stats;

/**
 * Successful requests whose figures need a second look, counted rather than hidden.
 *
 * @param bursts             successes whose content arrived in one burst ({@link Bursts}); kept out of the
 *                           per-request output rate
 * @param outputTokensAsked  the output length the plan asked for, null when it asked none
 * @param shortOfAsked       successes that answered with fewer output tokens than asked
 * @param shortestOutput     the fewest output tokens of those, null when none was short
 */
public record RequestFlags(long bursts, Integer outputTokensAsked, long shortOfAsked, Integer shortestOutput) {

    public static final RequestFlags NONE = new RequestFlags(0, null, 0, null);

    public RequestFlags plus(RequestFlags other) {
        Integer shortest = shortestOutput == null ? other.shortestOutput : other.shortestOutput == null
                ? shortestOutput : Integer.valueOf(Math.min(shortestOutput, other.shortestOutput));
        return new RequestFlags(bursts + other.bursts,
                outputTokensAsked == null ? other.outputTokensAsked : outputTokensAsked,
                shortOfAsked + other.shortOfAsked, shortest);
    }
}
