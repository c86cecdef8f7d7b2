package dev.yardstick.switching.window;

import java.util.ArrayList;
import java.util.List;

/** Drops the oldest turns, whole, until the rest fits; the system prompt always stays. */
public record DropOldest() implements WindowStrategy {

    @Override
    public String name() {
        return "drop-oldest";
    }

    @Override
    public String describe() {
        return "drop-oldest (system prompt kept)";
    }

    @Override
    public Fitted fit(Fitting input) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < input.exchanges().size(); i++) {
            order.add(i);
        }
        return input.dropInOrder(name(), order);
    }
}
