package dev.yardstick.engine;

import java.util.concurrent.CancellationException;

/** A handle on one running request, so that cancelling a run (Ctrl-C) can end it at once. */
public final class InFlight {

    private volatile StreamRecorder recorder;
    private volatile Thread worker;
    private volatile Thread owner;

    /** The thread that runs the request's tries and the waits between them, so cancelling ends a wait too. */
    void own(Thread thread) {
        this.owner = thread;
    }

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
        Thread w = worker != null ? worker : owner;
        if (r != null) {
            r.abort(new CancellationException("run cancelled"));
        }
        if (w != null) {
            w.interrupt();
        }
    }
}
