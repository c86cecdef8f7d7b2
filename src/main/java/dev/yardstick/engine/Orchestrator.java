package dev.yardstick.engine;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.yardstick.provider.ModelClient;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The one engine behind compare, benchmark, cost-analyze and switch-test. It runs a {@link Plan}'s requests on
 * virtual threads (closed loop: one per slot, each sending its next request when its last one ended; open loop: one
 * per request) under a global limit on requests in flight and per-provider limits, offers them closed-loop or at a
 * scheduled rate ({@link PlanRun}), sends each through the command's {@link RequestMiddleware} (retries, injected
 * faults), enforces the per-try timeout, and hands each {@link Sample} to the listener the moment its request ends.
 *
 * <p>In open-loop runs every start time is fixed before the run and latency counts from it, so a slow server
 * cannot hide its stalls by delaying the next request (coordinated omission). {@link #cancel()} (Ctrl-C) stops
 * dispatching and ends the requests in flight; samples already delivered stay delivered.
 */
public final class Orchestrator implements AutoCloseable {

    private final Map<String, ModelClient> clients;
    private final RequestExecutor executor;
    private final RequestMiddleware middleware;
    private ClientWarmupReport clientWarmup;
    private final ScheduledThreadPoolExecutor watchdog;
    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<PlanRun> runs = ConcurrentHashMap.newKeySet();
    private final AtomicReference<SampleError> clientLimit = new AtomicReference<>();
    private volatile boolean cancelled;
    /** Set by {@link #withClientCarriedWorkers()}. */
    private volatile boolean clientCarriedWorkers;

    /** @param clients the opened models, by label ({@code provider/model}) */
    public Orchestrator(Map<String, ModelClient> clients, TokenCounting counting) {
        this(clients, counting, RequestMiddleware.DIRECT);
    }

    /** @param middleware what stands around every plan request's tries (retries, faults) */
    public Orchestrator(Map<String, ModelClient> clients, TokenCounting counting, RequestMiddleware middleware) {
        this.clients = Map.copyOf(clients);
        this.middleware = middleware;
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
     * which sends real requests to warm the model and the server. It goes round the middleware: no fault, no retry.
     */
    public synchronized ClientWarmupReport warmUpClients() {
        if (clientWarmup == null) {
            clientWarmup = ClientWarmups.run(clients, (warmupClients, plan, listener) -> {
                PlanRun run = new PlanRun(this, plan, listener, warmupClients, RequestMiddleware.DIRECT);
                runs.add(run);
                try {
                    run.dispatchClosed(workerThreads());
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
        PlanRun run = new PlanRun(this, plan, listener, clients, middleware);
        runs.add(run);
        try {
            if (plan.load() instanceof LoadShape.Open open) {
                try (ExecutorService threads = Executors.newThreadPerTaskExecutor(workerThreads())) {
                    run.dispatchOpen(threads, open);
                } // closing the executor waited for every request in flight
            } else {
                run.dispatchClosed(workerThreads());
            }
        } finally {
            runs.remove(run);
        }
        failOnClientLimit();
        return run.summary();
    }

    /** Executes a single try outside any plan (switch-test's turns), on the calling thread, round the middleware. */
    public Sample execute(PlannedRequest request, Duration timeout) {
        return execute(request, timeout, UnaryOperator.identity());
    }

    /**
     * Executes a single try outside any plan, on the calling thread, its model wrapped by {@code around} (an
     * injected fault); the caller does its own retrying.
     */
    public Sample execute(PlannedRequest request, Duration timeout, UnaryOperator<StreamingChatModel> around) {
        warmUpClients();
        long now = System.nanoTime();
        Sample sample = new RequestTries(executor, request, client(request.model()), now, now, now, timeout, null,
                this::cancelled, -1).send(around);
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
        runs.forEach(PlanRun::wakeWaiters);
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Requests sent and not yet ended, now (a time series samples it). */
    public int inFlight() {
        int busy = 0;
        for (InFlight handle : inFlight) {
            if (handle.busy()) {
                busy++;
            }
        }
        return busy;
    }

    /**
     * Lets closed-loop workers run on the threads the clients offer ({@link ModelClient#workerThreads()}: virtual
     * threads carried by the HTTP event loop) when every client of the run offers them. Only for runs whose sample
     * listeners are light and whose every wait unmounts its thread, as {@code benchmark}'s (statistics, a journal
     * line): the listeners run on the worker, and one that computes or blocks its carrier (compare's graded
     * assertions: scripts, embeddings, a judge) would stall every stream the loop carries. Call before a run.
     */
    public Orchestrator withClientCarriedWorkers() {
        clientCarriedWorkers = true;
        return this;
    }

    /**
     * Closed-loop workers, and open-loop requests' threads, are virtual threads: the HTTP clients end a blocked read by
     * interruption (the per-try timeout, Ctrl-C), which reaches a socket read on a virtual thread but not on a platform
     * thread. Those the clients offer where {@link #withClientCarriedWorkers()} allows it, else the JDK's.
     */
    public ThreadFactory workerThreads() {
        return clientCarriedWorkers ? workerThreads(clients.values()) : defaultWorkers();
    }

    /** The clients' offered threads when every one of them offers some (a worker may send to any model), else ours. */
    static ThreadFactory workerThreads(Collection<ModelClient> clients) {
        ThreadFactory offered = null;
        for (ModelClient client : clients) {
            offered = client.workerThreads();
            if (offered == null) {
                break;
            }
        }
        return offered != null ? offered : defaultWorkers();
    }

    private static ThreadFactory defaultWorkers() {
        return Thread.ofVirtual().name("yardstick-request-", 0).factory();
    }

    /** Sends one plan request through {@code through}: all its tries, one sample. */
    Sample send(PlannedRequest request, ModelClient client, long from, long sentAt, long runStart, Duration timeout,
                InFlight handle, RequestMiddleware through, long waitedNanos) {
        handle.own(Thread.currentThread());
        try {
            return new RequestTries(executor, request, client, from, sentAt, runStart, timeout, handle,
                    this::cancelled, waitedNanos).run(through);
        } finally {
            handle.disown();
        }
    }

    /** A handle for the requests a thread is about to run, one after the other, ended by {@link #cancel()}. */
    InFlight track() {
        InFlight handle = new InFlight();
        inFlight.add(handle);
        return handle;
    }

    void untrack(InFlight handle) {
        inFlight.remove(handle);
    }

    static boolean hitClientLimit(Sample sample) {
        return sample.error() != null && sample.error().errorClass() == ErrorClass.CLIENT;
    }

    /** Our own limit was hit: stop the run like a cancellation, and remember why for the caller. */
    void stopForClientLimit(SampleError error) {
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
}
