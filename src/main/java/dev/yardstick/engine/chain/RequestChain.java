package dev.yardstick.engine.chain;

import java.util.Collection;
import dev.yardstick.config.InputException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.yardstick.engine.ErrorClass;
import dev.yardstick.engine.PlannedRequest;
import dev.yardstick.engine.RequestMiddleware;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleError;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The request chain of compare and benchmark: each try has its own timeout (the orchestrator's), transient
 * failures are retried by the {@link FailoverChain} with backoff and jitter, never sooner than the server's
 * Retry-After, and scheduled faults are injected in front of the model. No failover and no circuit breaker here:
 * a benchmark measures the model it names, and a breaker refusing requests would hide how often it fails.
 * Warm-ups go straight through: they draw no fault, count toward no {@code @N}, and are not retried.
 */
public final class RequestChain implements RequestMiddleware {

    private final FailoverChain<SentTry> chain;
    private final FaultSchedule faults;
    private final RetryPolicy retry;

    /** Enough for any flaky endpoint; more would mostly measure the backoff. */
    public static final int MAX_RETRIES = 10;

    /** Jitter from a fixed seed: a rerun waits the same. */
    private static final long JITTER_SEED = 1;

    /**
     * The chain a run's settings ask for: up to {@code retries} retries and the faults (read once by
     * {@link Fault#parseForRequests}), each naming one of {@code labels}; straight through when there are neither.
     */
    public static RequestMiddleware forRun(int retries, List<Fault> faults, Collection<String> labels) {
        check(retries, faults, labels);
        if (retries == 0 && faults.isEmpty()) {
            return RequestMiddleware.DIRECT;
        }
        return new RequestChain(RetryPolicy.retries(retries), new FaultSchedule(faults), JITTER_SEED);
    }

    /** Checks a run's settings before anything runs: what {@link #forRun} would refuse. */
    public static void check(int retries, List<Fault> faults, Collection<String> labels) {
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new InputException("--retries must be between 0 and " + MAX_RETRIES + ", got " + retries);
        }
        for (Fault fault : faults) {
            if (fault.kind().tampersHistory()) {
                throw new InputException("--fault " + fault.text() + ": a history fault alters a conversation: only "
                        + "switch-test takes it");
            }
            if (!labels.contains(fault.model())) {
                throw new InputException("--fault " + fault.text() + ": '" + fault.model() + "' is not a model of this"
                        + " run (" + String.join(", ", labels) + ")");
            }
        }
    }

    /** @param seed seeds the backoff jitter, so a rerun waits the same */
    public RequestChain(RetryPolicy retry, FaultSchedule faults, long seed) {
        this.chain = new FailoverChain<>(FailoverPolicy.retryOnly(retry), FailoverChain.Events.NONE,
                new Random(seed), Clock.systemUTC(), Function.identity(), (step, number, label, reason) -> {
                    throw new IllegalStateException("no breaker to refuse " + label + ": " + reason);
                });
        this.faults = faults;
        this.retry = retry;
    }

    @Override
    public Sample handle(PlannedRequest request, Tries tries) {
        if (request.warmup()) {
            return tries.send(UnaryOperator.identity());
        }
        String model = request.model();
        int step = faults.arrive(model);
        List<SentTry> sent = chain.run(step, List.of(model), (label, number) -> {
            Fault fault = faults.next(label, step);
            UnaryOperator<StreamingChatModel> around = fault == null ? UnaryOperator.identity()
                    : m -> new FaultInjector(m, fault);
            return new SentTry(tries.send(around));
        }, tries::cancelled);
        SentTry last = sent.getLast();
        boolean retryDue = last.transientFailure() && sent.size() < retry.maxAttempts()
                && !retry.tooLong(last.retryAfterMillis());
        if (tries.cancelled() && retryDue) {
            // Ctrl-C came while the request waited for its next try: it never ended, so it is no measurement.
            return last.sample().withError(new SampleError(ErrorClass.CANCELLED, null,
                    "run cancelled while waiting to retry after " + last.describe(), null));
        }
        return last.sample();
    }

    /** A try that was sent: its sample says how it went. */
    private record SentTry(Sample sample) implements ChainAttempt {

        @Override
        public boolean answered() {
            return sample.ok();
        }

        @Override
        public boolean failed() {
            return !sample.ok();
        }

        @Override
        public SampleError error() {
            return sample.error();
        }

        @Override
        public long tookNanos() {
            return sample.e2eNanos();
        }

        @Override
        public String describe() {
            return sample.ok() ? "answered" : ChainAttempt.describe(sample.error());
        }
    }
}
