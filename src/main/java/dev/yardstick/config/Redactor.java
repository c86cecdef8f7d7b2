package dev.yardstick.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds remembered secrets in text, in one pass. The patterns are every credential's fragments of
 * {@link Secrets#FRAGMENT} characters: all of one length, so a single rolling hash over the text finds any of
 * them (Rabin–Karp with a set of patterns), each hit confirmed character by character. Hits that overlap or touch
 * form one scrubbed run; any copy of {@code FRAGMENT} or more characters of a credential is such a run, since each
 * of its characters lies inside one of its own fragments. Values matched only whole (and credentials shorter than
 * a fragment) are found with {@code indexOf}. Immutable: {@link Secrets} builds a new one when it learns a secret.
 */
final class Redactor {

    static final Redactor NONE = new Redactor(List.of(), List.of());

    private static final int F = Secrets.FRAGMENT;
    /** An odd multiplier (FNV-64's prime): the hash of 8 UTF-16 units mod 2^64 rarely collides. */
    private static final long BASE = 0x100000001B3L;
    private static final long BASE_POW = pow(BASE, F - 1);

    private final long[] hashes;
    private final String[] grams;
    private final int slotMask;
    private final List<String> wholes;
    private final boolean nothing;

    private Redactor(Collection<String> fragments, List<String> wholes) {
        int slots = Integer.highestOneBit(Math.max(4, fragments.size() * 4 - 1)) << 1;
        this.hashes = new long[slots];
        this.grams = new String[slots];
        this.slotMask = slots - 1;
        for (String gram : fragments) {
            long h = hash(gram, 0);
            int slot = slot(h);
            while (grams[slot] != null) {
                slot = (slot + 1) & slotMask;
            }
            hashes[slot] = h;
            grams[slot] = gram;
        }
        this.wholes = wholes;
        this.nothing = fragments.isEmpty() && wholes.isEmpty();
    }

    static Redactor of(Collection<String> credentials, Collection<String> wholeValues) {
        Set<String> fragments = new LinkedHashSet<>();
        List<String> wholes = new ArrayList<>();
        for (String credential : credentials) {
            if (credential.length() < F) {
                wholes.add(credential);
            }
            for (int i = 0; i + F <= credential.length(); i++) {
                fragments.add(credential.substring(i, i + F));
            }
        }
        wholes.addAll(wholeValues);
        wholes.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(fragments, List.copyOf(wholes));
    }

    String redact(String text) {
        if (text == null || text.isEmpty() || nothing) {
            return text;
        }
        boolean[] hit = null;
        int n = text.length();
        if (n >= F) {
            long h = hash(text, 0);
            for (int i = 0; ; i++) {
                if (known(h, text, i)) {
                    hit = mark(hit, n, i, F);
                }
                if (i + F >= n) {
                    break;
                }
                h = (h - text.charAt(i) * BASE_POW) * BASE + text.charAt(i + F);
            }
        }
        for (String whole : wholes) {
            for (int at = text.indexOf(whole); at >= 0; at = text.indexOf(whole, at + 1)) {
                hit = mark(hit, n, at, whole.length());
            }
        }
        return hit == null ? text : masked(text, hit);
    }

    private boolean known(long h, String text, int at) {
        for (int slot = slot(h); grams[slot] != null; slot = (slot + 1) & slotMask) {
            if (hashes[slot] == h && text.regionMatches(at, grams[slot], 0, F)) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] mark(boolean[] hit, int n, int from, int length) {
        boolean[] marks = hit == null ? new boolean[n] : hit;
        java.util.Arrays.fill(marks, from, from + length, true);
        return marks;
    }

    private static String masked(String text, boolean[] hit) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!hit[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !hit[i - 1]) {
                out.append(Secrets.MASK);
            }
        }
        return out.toString();
    }

    private int slot(long h) {
        return (int) ((h * 0x9E3779B97F4A7C15L) >>> 40) & slotMask;
    }

    private static long hash(String text, int from) {
        long h = 0;
        for (int i = from; i < from + F; i++) {
            h = h * BASE + text.charAt(i);
        }
        return h;
    }

    private static long pow(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
