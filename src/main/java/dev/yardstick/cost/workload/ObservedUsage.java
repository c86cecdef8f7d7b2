package dev.yardstick.cost.workload;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens observed in real traffic, from a production usage log or from a run's report: what cost-analyze takes with
 * {@code --usage} in place of a scenario's assumed tokens, whatever kind of file it came from.
 */
public interface ObservedUsage {

    /** The file it was read from, by its name: the name of a scenario made from it. */
    String name();

    /** The observed requests as a workload. */
    Workload workload();

    /** The scenario with the observed tokens, and whatever else the observation overrides. */
    Scenario applyTo(Scenario scenario);

    /** Requests a day, when the observation says when each request was made. */
    default Optional<Double> requestsPerDay() {
        return Optional.empty();
    }

    /** What was measured per model (latency, pass rate), for the constraints; empty when nothing was. */
    default Map<String, ModelEvidence> evidence() {
        return Map.of();
    }

    /** The models that served the requests, when the observation names them; the candidates when none are given. */
    default List<String> models() {
        return List.of();
    }
}
