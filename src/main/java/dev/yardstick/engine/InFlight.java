package dev.yardstick.engine;

import java.util.concurrent.CancellationException;

/** A handle on one running request, so that cancelling a run (Ctrl-C) can end it at once. */
public final class InFlight {

    private volatile StreamRecorder recorder;
    private volatile Thread worker;

    void attach(StreamRecorder newRecorder, Thread thread) {
        this.recorder = newRecorder;
        this.worker = thread;
    }

    void detach() {
        recorder = null;
        worker = null;
    }

    void cancel() {
        StreamRecorder r = recorder;
        Thread w = worker;
        if (r != null) {
            r.abort(new CancellationException("run cancelled"));
        }
        if (w != null) {
            w.interrupt();
        }
    }
}
