package dev.yardstick.engine;

import java.util.concurrent.CancellationException;

/** A handle on the running request of one thread, so that cancelling a run (Ctrl-C) can end it at once. */
public final class InFlight {

    private volatile StreamRecorder recorder;
    private volatile Thread worker;
    private volatile Thread owner;
    private volatile boolean busy;

    /** Whether a request runs on this handle now (between its slot and its sample's delivery). */
    boolean busy() {
        return busy;
    }

    void busy(boolean running) {
        busy = running;
    }

    /** The thread that runs the request's tries and the waits between them, so cancelling ends a wait too. */
    synchronized void own(Thread thread) {
        this.owner = thread;
    }

    /**
     * Called by the owner when its tries are over: from here on a cancellation leaves the thread alone, so no
     * interrupt reaches the listeners it calls next (an interrupted file write would close the samples file).
     */
    synchronized void disown() {
        owner = null;
        Thread.interrupted();
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
        Thread w = worker;
        if (r != null) {
            r.abort(new CancellationException("run cancelled"));
        }
        if (w != null) {
            w.interrupt();
        } else {
            interruptOwner();
        }
    }

    private synchronized void interruptOwner() {
        if (owner != null) {
            owner.interrupt();
        }
    }
}
