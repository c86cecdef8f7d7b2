package dev.yardstick.engine;

/**
 * Receives each sample as its request ends. Called from many threads at once: implementations must be
 * thread-safe and quick (record into a histogram, append a line), because they run on the request's thread.
 */
@FunctionalInterface
public interface SampleListener {

    void onSample(Sample sample);

    static SampleListener all(SampleListener... listeners) {
        return sample -> {
            for (SampleListener listener : listeners) {
                listener.onSample(sample);
            }
        };
    }
}
