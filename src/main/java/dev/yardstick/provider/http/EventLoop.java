package dev.yardstick.provider.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One NIO selector thread that owns non-blocking connections and runs everything that happens on them: wrk's model.
 * A streamed answer waits for bytes once per chunk; on a virtual thread each wait is a park and a wake-up (16–20 µs
 * of CPU per chunk at 256 streams), where one selector loop hands every ready connection its bytes in one pass
 * (about 9 µs), so the bytes are framed and decoded here, on the loop, and the waiting caller is woken once per
 * answer ({@code bench/floor.sh}, models {@code nio} and {@code vt-nt}).
 *
 * <p>Work reaches the loop as tasks ({@link #execute}), and so do the virtual threads it carries
 * ({@link LoopCarriers}): a caller resumed at its answer's end runs here, between two selects. Deadlines are checked
 * by its own tick, a tenth of the shortest timeout watched (1–50 ms), so a deadline fires at its limit plus at most a
 * tick, never before. It is a daemon platform thread, started on first use and shared by every client of the
 * process.
 */
final class EventLoop {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    /** What the loop calls when a channel is ready, or when its deadline is checked. */
    interface Channel {

        /** The channel is ready for the operations in {@code readyOps}. */
        void ready(int readyOps);

        /** The loop's tick: fails the channel if its deadline has passed. */
        void tick(long now);

        /** How often this channel's deadline needs checking; 0 when it has none now. */
        long tickNanos();

        /** Something this channel's code threw: the channel is ended with it. */
        void crashed(Throwable failure);
    }

    /** How many loops the process runs: {@value #LOOPS_PROPERTY}, 1 by default. */
    static final String LOOPS_PROPERTY = "yardstick.http.loops";

    private static volatile EventLoop[] shared;

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Channels whose deadlines the tick checks; touched on the loop only. */
    private final List<Channel> timed = new ArrayList<>();
    private long nextTick;
    /** The buffer every read on the loop goes through; its bytes are used before the next read. */
    private final byte[] readBuffer = new byte[32 * 1024];

    private EventLoop(String name) throws IOException {
        this.selector = Selector.open();
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
        thread.start();
    }

    /** The process's loops, started on first use; each connection belongs to one of them. */
    static EventLoop[] shared() {
        EventLoop[] loops = shared;
        if (loops == null) {
            synchronized (EventLoop.class) {
                loops = shared;
                if (loops == null) {
                    int count = Math.max(1, Integer.getInteger(LOOPS_PROPERTY, 1));
                    loops = new EventLoop[count];
                    for (int i = 0; i < count; i++) {
                        try {
                            loops[i] = new EventLoop("yardstick-http-loop" + (i == 0 ? "" : "-" + (i + 1)));
                        } catch (IOException e) {
                            throw new UncheckedIOException("could not open a selector", e);
                        }
                    }
                    shared = loops;
                }
            }
        }
        return loops;
    }

    /** Runs {@code task} on the loop, after what is queued before it. */
    void execute(Runnable task) {
        tasks.add(task);
        if (!onLoop()) {
            selector.wakeup();
        }
    }

    /** Whether the caller runs on this loop's thread: the loop itself, or a virtual thread it carries. */
    boolean onLoop() {
        return Thread.currentThread() == thread || LoopCarriers.home() == this;
    }

    /** On the loop only. */
    byte[] readBuffer() {
        return readBuffer;
    }

    /** On the loop: registers a channel with its handler. */
    SelectionKey register(SelectableChannel channel, int ops, Channel handler) throws IOException {
        return channel.register(selector, ops, handler);
    }

    /** On the loop: the tick checks this channel's deadline, every {@code tickNanos} at most, until {@link #untime}. */
    void time(Channel channel, long tickNanos) {
        long due = System.nanoTime() + tickNanos;
        if (timed.isEmpty() || due - nextTick < 0) {
            nextTick = due;
        }
        timed.add(channel);
    }

    void untime(Channel channel) {
        timed.remove(channel);
    }

    private void run() {
        while (true) {
            try {
                long timeout = 0;
                if (!timed.isEmpty()) {
                    timeout = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime() + 999_999));
                }
                if (tasks.isEmpty()) {
                    selector.select(this::ready, timeout);
                } else {
                    selector.selectNow(this::ready); // what the last pass queued on the loop runs without a wait
                }
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                if (!timed.isEmpty()) {
                    long now = System.nanoTime();
                    if (now - nextTick >= 0) {
                        tick(now);
                    }
                }
            } catch (Throwable e) {
                // A bug in a task must not end the loop every connection of the process depends on.
                LOG.error("The HTTP event loop caught an unexpected failure; it goes on", e);
            }
        }
    }

    private void ready(SelectionKey key) {
        Channel channel = (Channel) key.attachment();
        try {
            if (key.isValid()) {
                channel.ready(key.readyOps());
            }
        } catch (Throwable e) {
            channel.crashed(e);
        }
    }

    private void tick(long now) {
        long tick = ReadDeadlines.MAX_TICK;
        // A copy: a channel whose deadline passed leaves the list as it fails.
        for (Channel channel : timed.toArray(Channel[]::new)) {
            try {
                channel.tick(now);
            } catch (Throwable e) {
                channel.crashed(e);
            }
        }
        for (Channel channel : timed) {
            long wanted = channel.tickNanos();
            if (wanted > 0) {
                tick = Math.min(tick, Math.max(ReadDeadlines.MIN_TICK, wanted));
            }
        }
        nextTick = now + tick;
    }
}
