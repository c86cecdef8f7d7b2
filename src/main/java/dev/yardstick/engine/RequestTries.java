package dev.yardstick.engine;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.pool.EndpointRouter;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * The tries of one request as the middleware sends them, and the one sample they make: the last try's answer or
 * error, its latency counted from the first try's (scheduled) start, as the user waited it, with the time the
 * earlier tries and waits took kept apart so the answering try alone can be reported too.
 */
final class RequestTries implements RequestMiddleware.Tries {

    private final RequestExecutor executor;
    private final PlannedRequest request;
    private final ModelClient client;
    private final long from;
    private final long sentAt;
    private final long runStart;
    private final Duration timeout;
    private final InFlight handle;
    private final BooleanSupplier cancelled;
    private final long waitedNanos;
    private int count;
    private long lastStart;

    /**
     * @param from   System.nanoTime() the request's latency counts from (its scheduled start)
     * @param sentAt System.nanoTime() its first try is sent
     * @param handle ends the try in flight on cancellation; may be null
     * @param waitedNanos the first try's queue time when the caller knows it (closed loop: its wait for our own
     *                    slot, see PlanRun), else -1: from its scheduled start to its send
     */
    RequestTries(RequestExecutor executor, PlannedRequest request, ModelClient client, long from, long sentAt,
                 long runStart, Duration timeout, InFlight handle, BooleanSupplier cancelled, long waitedNanos) {
        this.executor = executor;
        this.request = request;
        this.client = client;
        this.from = from;
        this.sentAt = sentAt;
        this.runStart = runStart;
        this.timeout = timeout;
        this.handle = handle;
        this.cancelled = cancelled;
        this.waitedNanos = waitedNanos;
    }

    /** Runs the request through {@code middleware}: the one sample of all its tries. */
    Sample run(RequestMiddleware middleware) {
        return result(middleware.handle(request, this));
    }

    @Override
    public Sample send(UnaryOperator<StreamingChatModel> around) {
        boolean first = count == 0;
        long start = first ? sentAt : System.nanoTime();
        lastStart = start;
        count++;
        EndpointRouter.Route route = client instanceof EndpointRouter pool ? pool.route() : null;
        ModelClient target = route == null ? client : route.client();
        StreamingChatModel model = target.chatModel();
        StreamingChatModel wrapped = around.apply(model);
        ModelClient tried = wrapped == model ? target : target.withChatModel(wrapped);
        // A later try's own times count from its own start; result() moves them onto the request's clock.
        long queue = !first ? 0 : waitedNanos >= 0 ? waitedNanos : start - from;
        Sample sample = executor.execute(request, tried, first ? from : start, start, runStart, timeout, handle, queue);
        if (route == null) {
            return sample;
        }
        route.ended(outcome(sample));
        return sample.withEndpoint(route.endpoint());
    }

    /** What a try says of its endpoint: a cancelled run or the client's own limit says nothing. */
    private static EndpointRouter.Outcome outcome(Sample sample) {
        if (sample.ok()) {
            return EndpointRouter.Outcome.ANSWERED;
        }
        ErrorClass c = sample.error().errorClass();
        return c == ErrorClass.CANCELLED || c == ErrorClass.CLIENT ? EndpointRouter.Outcome.UNJUDGED
                : EndpointRouter.Outcome.FAILED;
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    private Sample result(Sample last) {
        if (count <= 1) {
            return last;
        }
        long shift = lastStart - from;
        return new Sample(last.sequence(), last.model(), last.promptId(), last.repetition(), last.warmup(),
                from - runStart, sentAt - from, last.ttftNanos() < 0 ? -1 : last.ttftNanos() + shift,
                last.e2eNanos() + shift, last.itlNanos(), last.tokens(), last.text(), last.finishReason(),
                last.requestId(), count, last.error(), lastStart - sentAt,
                last.ttfoNanos() < 0 ? -1 : last.ttfoNanos() + shift, last.endpoint());
    }
}
