package dev.yardstick.switching.window;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Drops turns from the middle outwards until the rest fits: the opening (where users state who they are and what
 * they want) and the latest turns survive longest.
 */
public record MiddleOut() implements WindowStrategy {

    @Override
    public String name() {
        return "middle-out";
    }

    @Override
    public String describe() {
        return "middle-out (first and latest turns kept longest)";
    }

    @Override
    public Fitted fit(Fitting input) {
        int n = input.exchanges().size();
        double middle = (n - 1) / 2.0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // Nearest the middle first; of two equally near, the older goes first.
        order.sort(Comparator.<Integer>comparingDouble(i -> Math.abs(i - middle)).thenComparing(i -> i));
        return input.dropInOrder(name(), order);
    }
}
