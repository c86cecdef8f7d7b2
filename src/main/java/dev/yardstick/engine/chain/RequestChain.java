package dev.yardstick.engine.chain;

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
