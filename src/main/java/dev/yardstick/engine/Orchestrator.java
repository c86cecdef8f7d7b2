package dev.yardstick.engine;

import dev.yardstick.provider.ModelClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The one engine behind compare, benchmark, cost-analyze and switch-test. It runs a {@link Plan}'s requests on
 * virtual threads — one per request, none held idle on a platform thread — under a global limit on requests in
 * flight and per-provider limits, offers them closed-loop or at a scheduled rate, enforces the per-request timeout,
 * and hands each {@link Sample} to the listener the moment its request ends.
 *
 * <p>In open-loop runs every start time is fixed before the run and latency counts from it, so a slow server
 * cannot hide its stalls by delaying the next request (coordinated omission). {@link #cancel()} (Ctrl-C) stops
 * dispatching and ends the requests in flight; samples already delivered stay delivered.
 */
public final class Orchestrator implements AutoCloseable {

    private static final long LATE_THRESHOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int WAKE_ALL = Integer.MAX_VALUE / 4;

    private final Map<String, ModelClient> clients;
    private final RequestExecutor executor;
    private ClientWarmupReport clientWarmup;
    private final ScheduledThreadPoolExecutor watchdog;
    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<Run> runs = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicReference<SampleError> clientLimit =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile boolean cancelled;

    /** @param clients the opened models, by label ({@code provider/model}) */
    public Orchestrator(Map<String, ModelClient> clients, TokenCounting counting) {
        this.clients = Map.copyOf(clients);
        this.watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "yardstick-timeouts");
            t.setDaemon(true);
            return t;
        });
        this.watchdog.setRemoveOnCancelPolicy(true);
        this.executor = new RequestExecutor(watchdog, counting);
    }

    /**
     * Runs every model's client path once, off the clock, unless that was done already: the first request of a
     * fresh process pays class loading and initialisation of the HTTP engine, codecs, the langchain4j model, its
     * stream parser and the tokenizer, and that must not be charged to the model. {@link #run} and {@link #execute}
     * call it first; a caller may call it earlier to keep it out of its own clock. This is not {@code --warmup N},
     * which sends real requests to warm the model and the server.
     */
    public synchronized ClientWarmupReport warmUpClients() {
        if (clientWarmup == null) {
            clientWarmup = ClientWarmups.run(clients, (warmupClients, plan, listener) -> {
                Run run = new Run(plan, listener, warmupClients);
                runs.add(run);
                try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                    run.dispatchClosed(threads);
                } finally {
                    runs.remove(run);
                }
            });
        }
        return clientWarmup;
    }

    /** How the clients were warmed; null before {@link #warmUpClients()} ran. */
    public synchronized ClientWarmupReport clientWarmup() {
        return clientWarmup;
    }

    /** Runs the plan to its end (or its duration, or cancellation) and returns what happened. Blocks. */
    public RunSummary run(Plan plan, SampleListener listener) {
        warmUpClients(); // before the run's clock starts
        Run run = new Run(plan, listener, clients);
        runs.add(run);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            if (plan.load() instanceof LoadShape.Open open) {
                run.dispatchOpen(threads, open);
            } else {
                run.dispatchClosed(threads);
            }
        } finally { // closing the executor waited for every request in flight
            runs.remove(run);
        }
        failOnClientLimit();
        return run.summary();
    }

    /** Executes a single request outside any plan (switch-test's turns, retries), on the calling thread. */
    public Sample execute(PlannedRequest request, java.time.Duration timeout) {
        warmUpClients();
        long now = System.nanoTime();
        Sample sample = executor.execute(request, client(request.model()), now, now, now, timeout, null);
        if (hitClientLimit(sample)) {
            stopForClientLimit(sample.error());
            failOnClientLimit();
        }
        return sample;
    }

    /** Stops dispatching and ends every request in flight. Safe to call from a signal handler's thread. */
    public void cancel() {
        cancelled = true;
        inFlight.forEach(InFlight::cancel);
        runs.forEach(Run::wakeWaiters);
    }

    public boolean cancelled() {
        return cancelled;
    }

    private static boolean hitClientLimit(Sample sample) {
        return sample.error() != null && sample.error().errorClass() == ErrorClass.CLIENT;
    }

    /** Our own limit was hit: stop the run like a cancellation, and remember why for the caller. */
    private void stopForClientLimit(SampleError error) {
        if (clientLimit.compareAndSet(null, error)) {
            cancel();
        }
    }

    private void failOnClientLimit() {
        SampleError error = clientLimit.get();
        if (error != null) {
            throw new ClientLimitException(error);
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    private ModelClient client(String model) {
        ModelClient client = clients.get(model);
        if (client == null) {
            throw new IllegalArgumentException("no opened model named " + model);
        }
        return client;
    }

    /** The state of one run. */
    private final class Run {
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

        Run(Plan plan, SampleListener listener, Map<String, ModelClient> runClients) {
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
            return cancelled || index >= plan.requests().size() || System.nanoTime() >= deadline;
        }

        /**
         * Closed loop. Warm-up requests (first in the source) all finish before the first measured one is sent:
         * a warm-up still loading classes or opening connections would otherwise stall measured streams beside it.
         */
        void dispatchClosed(ExecutorService threads) {
            List<Future<?>> warmups = new ArrayList<>();
            for (long i = 0; !stopping(i); i++) {
                PlannedRequest request = plan.requests().get(i);
                if (!request.warmup() && !warmups.isEmpty()) {
                    awaitAll(warmups);
                    warmups.clear();
                }
                if (!acquire(global)) {
                    return;
                }
                counted(request).incrementAndGet();
                Future<?> future = threads.submit(() -> {
                    try {
                        runOne(request, -1);
                    } finally {
                        global.release();
                    }
                });
                if (request.warmup()) {
                    warmups.add(future);
                }
            }
        }

        private void awaitAll(List<Future<?>> futures) {
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    // runOne turns every failure into a sample; nothing to do for a warm-up
                }
            }
        }

        void dispatchOpen(ExecutorService threads, LoadShape.Open open) {
            Schedule schedule = new Schedule(open);
            for (long i = 0; !stopping(i); i++) {
                long scheduledAt = start + schedule.next();
                if (scheduledAt >= deadline) {
                    return;
                }
                sleepUntil(scheduledAt);
                if (cancelled) {
                    return;
                }
                PlannedRequest request = plan.requests().get(i);
                counted(request).incrementAndGet();
                threads.submit(() -> {
                    if (!acquire(global)) {
                        return;
                    }
                    try {
                        runOne(request, scheduledAt);
                    } finally {
                        global.release();
                    }
                });
            }
        }

        /** @param scheduledAt the fixed start in open loop, or -1: closed loop starts when it is sent */
        private void runOne(PlannedRequest request, long scheduledAt) {
            ModelClient client = runClients.get(request.model());
            Semaphore providerSlot = perProvider.get(client.spec().provider());
            long readyAt = System.nanoTime();
            if (providerSlot != null && !acquire(providerSlot)) {
                return;
            }
            InFlight handle = new InFlight();
            inFlight.add(handle);
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
                Sample sample = executor.execute(request, client, from, sentAt, start, plan.timeout(), handle);
                if (scheduledAt < 0 && sentAt > readyAt) {
                    sample = withQueue(sample, sentAt - readyAt);
                }
                if (hitClientLimit(sample)) {
                    stopForClientLimit(sample.error());
                    return; // our own limit, never charged to the endpoint
                }
                if (cancelled && sample.error() != null && sample.error().errorClass() == ErrorClass.CANCELLED) {
                    return; // ended by Ctrl-C: not a measurement of the endpoint
                }
                lastEnd.accumulateAndGet(System.nanoTime() - start, Math::max);
                if (!request.warmup()) {
                    completed.incrementAndGet();
                }
                listener.onSample(sample);
            } finally {
                inFlight.remove(handle);
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
            if (cancelled) {
                return false;
            }
            try {
                semaphore.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (cancelled) {
                semaphore.release();
                return false;
            }
            return true;
        }

        void wakeWaiters() {
            global.release(WAKE_ALL);
            perProvider.values().forEach(s -> s.release(WAKE_ALL));
        }

        private void sleepUntil(long at) {
            long wait;
            while (!cancelled && (wait = at - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        }

        RunSummary summary() {
            return new RunSummary(dispatched.get(), completed.get(), late.get(), maxLateness.get(),
                    totalLateness.get(), lastEnd.get(), cancelled, warmupsDispatched.get());
        }
    }

    private static Sample withQueue(Sample s, long queueNanos) {
        return new Sample(s.sequence(), s.model(), s.promptId(), s.repetition(), s.warmup(), s.scheduledNanos(),
                queueNanos, s.ttftNanos(), s.e2eNanos(), s.itlNanos(), s.tokens(), s.text(), s.finishReason(),
                s.requestId(), s.attempts(), s.error());
    }
}
