package dev.yardstick.benchmark;

import dev.yardstick.config.InputException;

/**
 * A prefix of {@code tokens} tokens that a {@code share} of synthetic prompts begin with, byte for byte, so a server's
 * prefix cache has something to hit; the other prompts begin with a prefix of the same length of their own (cold).
 * Which requests share it is fixed by their index, evenly spread: exactly {@code floor(n × share)} of the first n.
 */
public record SharedPrefix(int tokens, double share) {

    public SharedPrefix {
        if (tokens < 1 || tokens > LengthDistribution.MAX_TOKENS) {
            throw new InputException("--shared-prefix must be between 1 and " + LengthDistribution.MAX_TOKENS
                    + " tokens, got " + tokens);
        }
        if (!(share >= 0 && share <= 1)) {
            throw new InputException("--prefix-share must be between 0% and 100%, got " + share * 100 + "%");
        }
    }

    /** Whether request {@code index} (0-based, measured) begins with the shared prefix. */
    public boolean shares(long index) {
        if (index < 0) {
            return false; // warm-ups leave the cache cold for the measured requests
        }
        return Math.floor((index + 1) * share) > Math.floor(index * share);
    }

    /** {@code 50%} or {@code 0.5} → 0.5. */
    public static double parseShare(String text) {
        String t = text.trim();
        try {
            double share = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
                    : Double.parseDouble(t);
            if (share >= 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InputException("malformed share '" + text + "' (expected a fraction 0..1 or a percentage, e.g."
                + " 0.5 or 50%)");
    }

    /** The suffix of the ids of prompts that begin with the shared prefix. */
    public static final String SHARED_ID_SUFFIX = "-shared";
}
