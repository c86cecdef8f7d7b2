package dev.yardstick.provider;

/**
 * When the bytes the calling thread is decoding were read from the connection: the time a streamed chunk arrived,
 * where the handler that hears it cannot be told (langchain4j's handler calls carry no time).
 *
 * <p>Our transports hand the bytes they read to the decoder on the thread that read them, synchronously, so a
 * transport {@linkplain #stamp() stamps} the thread right after each read returns, before any of those bytes are
 * decoded, and every chunk decoded from them takes that time ({@link #now}) instead of the moment the decoder got
 * round to it: the second of two events read together is no longer timed after the first one's handling. The stamp
 * is taken after the read, so never earlier than the bytes were in hand; a chunk whose bytes span reads takes the
 * last one's.
 *
 * <p>A stamp is never handed out stale: each read replaces it, the transport clears it when the exchange is closed,
 * and a reader passes the moment its request was sent, before which a stamp belongs to another request. A thread no
 * transport stamped (langchain4j's own clients decoding on their own threads, the local model, the mock) reads the
 * clock instead.
 */
public final class ReadTime {

    private static final ThreadLocal<ReadTime> THREAD = new ThreadLocal<>();

    private long at;
    private boolean set;

    private ReadTime() {
    }

    /** Bytes were just read on this thread: what is decoded from them here was in hand by now. */
    public static void stamp() {
        ReadTime time = THREAD.get();
        if (time == null) {
            time = new ReadTime();
            THREAD.set(time);
        }
        time.at = System.nanoTime();
        time.set = true;
    }

    /** The exchange this thread was reading is over: what it hears next was not read by it. */
    public static void clear() {
        ReadTime time = THREAD.get();
        if (time != null) {
            time.set = false;
        }
    }

    /**
     * When the bytes being decoded on this thread were read, or now when no transport stamped them.
     *
     * @param sentAt {@link System#nanoTime()} when the request was sent: an earlier stamp was another request's
     */
    public static long now(long sentAt) {
        ReadTime time = THREAD.get();
        if (time != null && time.set && time.at - sentAt >= 0) {
            return time.at;
        }
        return System.nanoTime();
    }
}
