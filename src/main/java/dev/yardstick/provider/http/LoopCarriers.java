package dev.yardstick.provider.http;

import java.lang.reflect.Constructor;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Virtual threads whose carrier is an {@link EventLoop}'s own thread, for callers whose every blocking call is a
 * stream the loop carries: the loop decodes an answer and, at its end, resumes the waiting caller on the same thread,
 * which records the sample and writes its next request before the loop's next select. That is wrk's model (one thread
 * per core doing everything, no hand-off), kept with straight-line callers: on the JDK's shared scheduler every answer
 * cost a wake-up of a carrier thread (a futex and a context switch), and the two pools of threads left cores idle
 * between them (bench/README.md: 25,000 against 40,000 req/s at 64 streams on the same machine).
 *
 * <p>Such a thread must never block its carrier: that would stall every stream of the loop. Socket reads, sleeps and
 * {@code java.util.concurrent} waits unmount a virtual thread and are safe; so is {@code synchronized} from JDK 24 on
 * (JEP 491), where before it pins the carrier while it waits. Hence no loop carriers before JDK 24, and only for
 * models whose requests all go through the loop (the engine's choice, {@code ModelClient.workerThreads()}).
 * The JDK has no public way to give a virtual thread its scheduler yet: the builder that takes one is opened by the
 * jar's manifest ({@code Add-Opens: java.base/java.lang}); where it is not, callers get ordinary virtual threads.
 */
final class LoopCarriers {

    private static final Logger LOG = LoggerFactory.getLogger(LoopCarriers.class);

    /** The loop a loop-carried virtual thread belongs to; null on every other thread. */
    private static final ThreadLocal<EventLoop> HOME = new ThreadLocal<>();

    private static volatile ThreadFactory shared;
    private static volatile boolean unavailable;

    private LoopCarriers() {
    }

    /** The loop the calling virtual thread is carried by, or null. */
    static EventLoop home() {
        return HOME.get();
    }

    /**
     * Virtual threads spread round robin over the process's loops, each carried by its loop's thread; null where the
     * JDK cannot give a virtual thread a carrier of ours.
     */
    static ThreadFactory factory() {
        ThreadFactory made = shared;
        if (made != null || unavailable) {
            return made;
        }
        synchronized (LoopCarriers.class) {
            if (shared == null && !unavailable) {
                shared = build(EventLoop.shared());
                unavailable = shared == null;
            }
            return shared;
        }
    }

    private static ThreadFactory build(EventLoop[] loops) {
        if (Runtime.version().feature() < 24) {
            return null; // synchronized pins a virtual thread's carrier before JDK 24: it could stall the loop
        }
        Thread.Builder.OfVirtual[] builders = new Thread.Builder.OfVirtual[loops.length];
        try {
            Constructor<?> withScheduler = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder")
                    .getDeclaredConstructor(Executor.class);
            withScheduler.setAccessible(true);
            for (int i = 0; i < loops.length; i++) {
                Executor loop = loops[i]::execute;
                builders[i] = ((Thread.Builder.OfVirtual) withScheduler.newInstance(loop))
                        .name("yardstick-request-loop" + (i + 1) + "-", 0);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Requests run on the JDK's virtual-thread scheduler: it cannot carry them on the event loop", e);
            return null;
        }
        AtomicInteger next = new AtomicInteger();
        return task -> {
            int i = loops.length == 1 ? 0 : Math.floorMod(next.getAndIncrement(), loops.length);
            EventLoop loop = loops[i];
            return builders[i].unstarted(() -> {
                HOME.set(loop);
                task.run();
            });
        };
    }
}
