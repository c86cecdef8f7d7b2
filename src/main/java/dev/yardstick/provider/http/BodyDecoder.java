package dev.yardstick.provider.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A protocol's own reader of one streamed 2xx body, for {@link LeanHttpClient#stream}: it reads the bytes on the
 * calling thread, decides whether they were a complete answer, and hears how the exchange ended. The client keeps
 * what every stream needs (the limits, the first bytes for messages, cancellation, one vocabulary of failures), so a
 * decoder holds only the protocol. Exactly one of {@link #completed()} and {@link #failed} is called, or neither
 * when the stream was cancelled through {@link #opened}'s handle.
 */
public interface BodyDecoder {

    /**
     * The response head was a success; the body follows.
     *
     * @param cancel stops the stream from any thread: the blocked read fails and nothing more is reported
     */
    void opened(Runnable cancel);

    /**
     * Reads the body, usually to its end.
     *
     * @return null when what arrived was a complete answer, else what was wrong with it: the client then fails the
     *         request as a malformed stream that shows the body's first bytes, and stops reading
     */
    String read(InputStream body) throws IOException;

    /**
     * Whether {@link #read} holds the client's line and event limits itself, as {@link SseFrames#withLimits()} does in
     * its one pass over the bytes; the body then does not count them again. False by default: the body counts.
     */
    default boolean boundsLines() {
        return false;
    }

    /**
     * The push mode, for a transport that reads the body on an event loop: the bytes are handed to the decoder as they
     * arrive, on the loop's thread, instead of the calling thread reading them ({@link #read} is then not called).
     * Only a decoder that {@linkplain #boundsLines() bounds lines itself} is pushed to. {@link #opened}, {@link Push}'s
     * calls and the handler calls they make run on the loop; {@link #completed} and {@link #failed} on the calling
     * thread once the loop is done with the stream.
     *
     * @return the stream's push reader, or null when the decoder only reads (the default)
     */
    default Push push() {
        return null;
    }

    /** One stream's body, pushed; all its calls come from one thread, one at a time. */
    interface Push {

        /**
         * The next bytes of the body; the array is the transport's, valid only during the call.
         *
         * @return null to go on, else what is wrong with the stream (as {@link #read} returns it): reading stops
         */
        String accept(byte[] bytes, int offset, int length) throws IOException;

        /** The body ended: null when what arrived was a complete answer, else what was wrong with it. */
        String end() throws IOException;

        /** The stream is over, however it ended: gives back what it held. Called once, last. */
        void close();
    }

    /** The body was read and found complete. */
    void completed();

    /** The request failed: a status, a malformed or broken stream, a timeout, an interrupt (see {@code Failures}). */
    void failed(RuntimeException failure);
}
