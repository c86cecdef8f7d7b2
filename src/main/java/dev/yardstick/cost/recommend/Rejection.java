package dev.yardstick.cost.recommend;

import java.util.List;

/** A model the recommendation passed over, its period cost, and every constraint it failed, each said plainly. */
public record Rejection(String model, double period, List<String> reasons) {

    public Rejection {
        reasons = List.copyOf(reasons);
    }
}
