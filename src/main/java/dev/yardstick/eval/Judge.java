package dev.yardstick.eval;

/**
 * A judge model as a graded assertion sees it: one prompt in, the model's whole answer out. Asked after the
 * measured request ended, so its time never counts in a sample's latency.
 */
@FunctionalInterface
public interface Judge {

    /** @throws RuntimeException when the judge could not answer (the assertion then records an error) */
    String ask(String prompt);
}
