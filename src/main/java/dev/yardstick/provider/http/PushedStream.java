package dev.yardstick.provider.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * One {@link LeanHttpClient#stream} whose body is pushed to its decoder on the event loop ({@link LoopTransport}):
 * the calling thread sends, then simply waits for the stream's end (one park and one wake-up per answer, where
 * reading on the caller costs one per chunk), and reports the outcome with the same vocabulary, limits and
 * cancellation as the pull path: nothing arrived, a status with its error body, a malformed or broken stream with the
 * first bytes of the body, a timeout, an interrupt. Interrupting the waiting caller (the per-try timeout, Ctrl-C)
 * cancels the exchange; the decoder's cancel handle cancels it from any thread, and then nothing is reported.
 */
final class PushedStream implements LoopTransport.Receiver {

    private final BodyDecoder decoder;
    private final BodyDecoder.Push push;
    private final LeanHttpClient client;
    private final Thread caller = Thread.currentThread();
    private LoopTransport.Call call;
    private volatile boolean done;
    private volatile boolean cancelled;

    // Written on the loop, read by the caller once done is set (its volatile write publishes them).
    private ResponseHead head;
    private final BodyHead first = new BodyHead();
    private ByteArrayOutputStream errorBody;
    private String wrong;
    private Throwable thrown;
    private IOException failure;

    private PushedStream(LeanHttpClient client, BodyDecoder decoder, BodyDecoder.Push push) {
        this.client = client;
        this.decoder = decoder;
        this.push = push;
    }

    /** Streams {@code request} through {@code transport} into a decoder that pushes; returns when it has ended. */
    static void run(LeanHttpClient client, LoopTransport transport, HttpTransport.Request request,
                    BodyDecoder decoder, BodyDecoder.Push push) {
        PushedStream stream = new PushedStream(client, decoder, push);
        try {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted before sending");
            }
            stream.call = transport.call(request, stream);
        } catch (IOException | RuntimeException e) {
            push.close();
            decoder.failed(Failures.map(e instanceof IOException io ? LeanHttpClient.noResponse(io) : e));
            return;
        }
        stream.call.start();
        boolean interrupted = stream.await();
        stream.report(interrupted);
    }

    /** @return whether the caller was interrupted before the stream ended (the exchange is then cancelled) */
    private boolean await() {
        boolean interrupted = false;
        while (!done) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                if (!done && !interrupted) {
                    interrupted = true;
                    call.cancel(); // then wait for the loop to let go of the decoder
                }
                if (done && !interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt(); // the caller must still see it, as after a blocking read
        }
        return interrupted;
    }

    private void report(boolean interrupted) {
        if (interrupted) {
            decoder.failed(Failures.map(new InterruptedIOException("request interrupted")));
        } else if (cancelled) {
            return; // the decoder's handle cancelled it: nothing to report
        } else if (head == null) {
            decoder.failed(Failures.map(LeanHttpClient.noResponse(failure)));
        } else if (!LeanHttpClient.isSuccess(head.status)) {
            String body = failure != null && errorBody.size() < StreamLimits.MAX_ERROR_BODY_BYTES
                    ? "(error body unreadable: " + failure.getClass().getSimpleName() + ")"
                    : errorBody.toString(StandardCharsets.UTF_8);
            decoder.failed(client.statusException(head.status, head.headers, body));
        } else if (wrong != null) {
            decoder.failed(Failures.map(new MalformedStreamException(wrong, first.text())));
        } else if (thrown != null) {
            decoder.failed(Failures.map(LeanHttpClient.brokeOff(thrown, first.text())));
        } else {
            decoder.completed();
        }
    }

    /** The decoder's cancel handle: from any thread, the loop's included. */
    private void cancel() {
        cancelled = true;
        call.cancel();
    }

    @Override
    public void head(ResponseHead head) {
        this.head = head;
        if (LeanHttpClient.isSuccess(head.status)) {
            decoder.opened(this::cancel);
        } else {
            errorBody = new ByteArrayOutputStream();
        }
    }

    @Override
    public boolean body(byte[] bytes, int offset, int length) {
        if (errorBody != null) {
            int kept = Math.min(length, StreamLimits.MAX_ERROR_BODY_BYTES - errorBody.size());
            errorBody.write(bytes, offset, kept);
            return errorBody.size() < StreamLimits.MAX_ERROR_BODY_BYTES;
        }
        first.keep(bytes, offset, length);
        try {
            wrong = push.accept(bytes, offset, length);
        } catch (IOException | RuntimeException e) {
            thrown = e;
        }
        return wrong == null && thrown == null;
    }

    @Override
    public void ended(IOException failure) {
        try {
            if (head != null && errorBody == null && wrong == null && thrown == null && !cancelled) {
                if (failure == null) {
                    wrong = push.end();
                } else {
                    thrown = failure;
                }
            } else {
                this.failure = failure;
            }
        } catch (IOException | RuntimeException e) {
            thrown = e;
        } finally {
            push.close();
            done = true;
            LockSupport.unpark(caller);
        }
    }
}
