package dev.yardstick.engine;

import dev.yardstick.provider.ModelClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The scheduling of one {@link Plan}'s run: dispatches its requests closed-loop or at their fixed open-loop start
 * times, under the global limit on requests in flight and the per-provider limits, keeps warm-ups apart, notes
 * late starts, and hands each request's sample to the listener as it ends. Executing a request is the
 * orchestrator's; this class decides when.
 */
final class PlanRun {

    private static final long LATE_THRESHOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int WAKE_ALL = Integer.MAX_VALUE / 4;

    private final Orchestrator orchestrator;
    private final RequestMiddleware middleware;
    private final Plan plan;
    private final SampleListener listener;
    private final Map<String, ModelClient> runClients;
    private final long start = System.nanoTime();
    private final long deadline;
    private final Semaphore global;
    private final Map<String, Semaphore> perProvider = new ConcurrentHashMap<>();
    private final AtomicLong dispatched = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong warmupsDispatched = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong maxLateness = new AtomicLong();
    private final AtomicLong totalLateness = new AtomicLong();
    private final AtomicLong lastEnd = new AtomicLong();
    /** Closed loop: the source is asked by one worker at a time, in index order. */
    private final ReentrantLock taking = new ReentrantLock();
    private long taken;
    private volatile boolean exhausted;
    private final AtomicInteger warmupsRunning = new AtomicInteger();
    private final ReentrantLock warmupsLock = new ReentrantLock();
    private final Condition warmupsDone = warmupsLock.newCondition();

    PlanRun(Orchestrator orchestrator, Plan plan, SampleListener listener, Map<String, ModelClient> runClients,
            RequestMiddleware middleware) {
        this.orchestrator = orchestrator;
        this.middleware = middleware;
        this.plan = plan;
        this.listener = listener;
        this.runClients = runClients;
        this.deadline = plan.maxDuration() == null ? Long.MAX_VALUE : start + plan.maxDuration().toNanos();
        int limit = plan.load() instanceof LoadShape.Open open ? open.maxConcurrency()
                : ((LoadShape.Closed) plan.load()).concurrency();
        // Fair: requests waiting for a slot are served in the order they were scheduled.
        this.global = new Semaphore(limit, true);
        plan.perProviderLimits().forEach((provider, n) -> perProvider.put(provider, new Semaphore(n, true)));
    }

    private boolean stopping(long index) {
        return orchestrator.cancelled() || index >= plan.requests().size() || System.nanoTime() >= deadline;
    }

    /**
     * Closed loop: one long-lived worker per slot, each sending the next request of the source as soon as its last
     * one ended, so a request costs no thread start, no slot handoff and no dispatcher wake-up. Warm-up requests
     * (first in the source) all finish before the first measured one is sent: a warm-up still loading classes or
     * opening connections would otherwise stall measured streams beside it. Returns when every worker has ended.
     */
    void dispatchClosed(ThreadFactory workers) {
        int slots = ((LoadShape.Closed) plan.load()).concurrency();
        List<Thread> started = new ArrayList<>(slots);
        for (int w = 0; w < slots && !exhausted; w++) {
            Thread worker = workers.newThread(this::work);
            worker.start();
            started.add(worker);
        }
        joinAll(started);
    }

    private void work() {
        InFlight handle = orchestrator.track();
        try {
            for (PlannedRequest request = next(); request != null; request = next()) {
                try {
                    runOne(request, -1, handle);
                } finally {
                    if (request.warmup()) {
                        warmupEnded();
                    }
                }
                // Behind the other workers before sending again: a virtual thread is never preempted, so a worker
                // whose answers come back before it reads them would otherwise keep the carrier request after
                // request, while the others' answers wait unread (their latency growing by our own queue).
                Thread.yield();
            }
        } finally {
            orchestrator.untrack(handle);
        }
    }

    /**
     * The next request for a closed-loop worker, or null when the run stops. The source is asked in index order, one
     * caller at a time; a measured request waits here until every warm-up taken before it has ended.
     */
    private PlannedRequest next() {
        PlannedRequest request;
        taking.lock();
        try {
            if (exhausted || stopping(taken)) {
                exhausted = true;
                return null;
            }
            request = plan.requests().get(taken);
            if (request == null) {
                exhausted = true;
                return null;
            }
            taken++;
            if (request.warmup()) {
                warmupsRunning.incrementAndGet();
            }
        } finally {
            taking.unlock();
        }
        if (!request.warmup() && warmupsRunning.get() > 0 && !awaitWarmups()) {
            return null;
        }
        if (orchestrator.cancelled()) {
            return null;
        }
        counted(request).incrementAndGet();
        return request;
    }

    private void warmupEnded() {
        if (warmupsRunning.decrementAndGet() == 0) {
            warmupsLock.lock();
            try {
                warmupsDone.signalAll();
            } finally {
                warmupsLock.unlock();
            }
        }
    }

    /** False when the run was cancelled (or this thread interrupted) before the warm-ups ended. */
    private boolean awaitWarmups() {
        warmupsLock.lock();
        try {
            while (warmupsRunning.get() > 0) {
                if (orchestrator.cancelled()) {
                    return false;
                }
                warmupsDone.await();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            warmupsLock.unlock();
        }
    }

    /** Waits for every worker; an interrupt of the caller ends their requests (as closing an executor does). */
    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    if (!interrupted) {
                        interrupted = true;
                        threads.forEach(Thread::interrupt);
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    void dispatchOpen(ExecutorService threads, LoadShape.Open open) {
        Schedule schedule = new Schedule(open);
        RequestSource source = plan.requests();
        for (long i = 0; !stopping(i); i++) {
            // A timed source's request is known first (it may wait for it), then its own start time
            PlannedRequest request = source.timed() ? source.get(i) : null;
            if (source.timed() && request == null) {
                return;
            }
            long scheduledAt = start + (source.timed() ? source.startNanos(i) : schedule.next());
            if (scheduledAt >= deadline) {
                return;
            }
            sleepUntil(scheduledAt);
            if (orchestrator.cancelled()) {
                return;
            }
            if (request == null) {
                request = source.get(i);
            }
            PlannedRequest sent = request;
            counted(sent).incrementAndGet();
            threads.submit(() -> {
                if (!acquire(global)) {
                    return;
                }
                InFlight handle = orchestrator.track();
                try {
                    runOne(sent, scheduledAt, handle);
                } finally {
                    orchestrator.untrack(handle);
                    global.release();
                }
            });
        }
    }

    /** @param scheduledAt the fixed start in open loop, or -1: closed loop starts when it is sent */
    private void runOne(PlannedRequest request, long scheduledAt, InFlight handle) {
        ModelClient client = runClients.get(request.model());
        Semaphore providerSlot = perProvider.get(client.spec().provider());
        long readyAt = System.nanoTime();
        if (providerSlot != null && !acquire(providerSlot)) {
            return;
        }
        handle.busy(true);
        try {
            long sentAt = System.nanoTime();
            long from;
            if (scheduledAt < 0) {
                // Closed loop: the request starts when it is sent; time spent waiting for our own per-provider
                // slot is the tool's queue, not the endpoint's latency, and is reported apart.
                from = sentAt;
            } else {
                from = scheduledAt;
                if (!request.warmup()) { // a warm-up that started late says nothing of the measured schedule
                    noteLateness(sentAt - scheduledAt);
                }
            }
            // Closed loop: the wait for our own slot is known before sending, so the sample is built with it
            // (a retried or middleware-made sample that lacks it still gets it here).
            long waited = scheduledAt < 0 && sentAt > readyAt ? sentAt - readyAt : -1;
            Sample sample = orchestrator.send(request, client, from, sentAt, start, plan.timeout(), handle,
                    middleware, waited);
            if (waited >= 0 && sample.queueNanos() != waited) {
                sample = sample.withQueue(waited);
            }
            if (Orchestrator.hitClientLimit(sample)) {
                orchestrator.stopForClientLimit(sample.error());
                return; // our own limit, never charged to the endpoint
            }
            if (orchestrator.cancelled() && sample.error() != null
                    && sample.error().errorClass() == ErrorClass.CANCELLED) {
                return; // ended by Ctrl-C: not a measurement of the endpoint
            }
            lastEnd.accumulateAndGet(System.nanoTime() - start, Math::max);
            if (!request.warmup()) {
                completed.incrementAndGet();
            }
            listener.onSample(sample);
        } finally {
            handle.busy(false);
            if (providerSlot != null) {
                providerSlot.release();
            }
        }
    }

    private AtomicLong counted(PlannedRequest request) {
        return request.warmup() ? warmupsDispatched : dispatched;
    }

    private void noteLateness(long lateness) {
        if (lateness > LATE_THRESHOLD_NANOS) {
            late.incrementAndGet();
            totalLateness.addAndGet(lateness);
            maxLateness.accumulateAndGet(lateness, Math::max);
        }
    }

    /**
     * Waits for a slot in arrival order (a timed poll would send a waiter to the back of the queue each time
     * it wakes). Cancellation floods the semaphores with permits so every waiter wakes and sees it.
     */
    private boolean acquire(Semaphore semaphore) {
        if (orchestrator.cancelled()) {
            return false;
        }
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (orchestrator.cancelled()) {
            semaphore.release();
            return false;
        }
        return true;
    }

    void wakeWaiters() {
        warmupsLock.lock();
        try {
            warmupsDone.signalAll();
        } finally {
            warmupsLock.unlock();
        }
        global.release(WAKE_ALL);
        perProvider.values().forEach(s -> s.release(WAKE_ALL));
    }

    private void sleepUntil(long at) {
        long wait;
        while (!orchestrator.cancelled() && (wait = at - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
        }
    }

    RunSummary summary() {
        return new RunSummary(dispatched.get(), completed.get(), late.get(), maxLateness.get(),
                totalLateness.get(), lastEnd.get(), orchestrator.cancelled(), warmupsDispatched.get());
    }
}
