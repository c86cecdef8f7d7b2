package dev.yardstick.switching.window;

import java.util.ArrayList;
import java.util.List;

/** Writes sorted numbers as ranges: {@code [1, 2, 3, 5]} → {@code turns 1–3, 5}. */
final class Ranges {

    private Ranges() {
    }

    static String of(List<Integer> sorted) {
        if (sorted.isEmpty()) {
            return "no turns";
        }
        List<String> parts = new ArrayList<>();
        int start = sorted.get(0);
        int prev = start;
        for (int i = 1; i <= sorted.size(); i++) {
            int n = i < sorted.size() ? sorted.get(i) : Integer.MIN_VALUE;
            if (n != prev + 1) {
                parts.add(start == prev ? String.valueOf(start) : start + "–" + prev);
                start = n;
            }
            prev = n;
        }
        return (sorted.size() == 1 ? "turn " : "turns ") + String.join(", ", parts);
    }
}
