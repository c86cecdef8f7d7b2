package dev.yardstick.benchmark.workload;

import dev.yardstick.benchmark.PromptBuilder;
import dev.yardstick.benchmark.PromptSource;
import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import dev.yardstick.engine.LoadShape;
import dev.yardstick.engine.PlannedRequest;
import dev.yardstick.engine.RequestSource;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.Schedule;
import dev.yardstick.engine.SampleListener;
import dev.yardstick.report.WorkloadReport;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Multi-turn sessions as a chain of plain requests to the one engine: a turn is released when the previous turn's
 * sample arrives (this source listens to the samples) plus a think time, and it carries the whole conversation so far,
 * the earlier answers byte for byte as they arrived. In a closed loop {@code concurrency} sessions run at once, a new
 * one starting when one ends; in an open loop sessions start on the engine's {@link Schedule} (constant, Poisson or
 * a ramp), and every turn's latency counts from its scheduled time (the answer plus the think time), so a slow server
 * cannot hide its stalls.
 * A turn that fails ends its session: the next turn would have no answer to carry.
 *
 * <p>Sequence {@code s × turns + t} is turn {@code t} of session {@code s}; session {@code s} talks to model
 * {@code s mod models}. {@link #get} blocks until the earliest known turn is due, so turns come out in time order.
 */
public final class SessionRequests implements RequestSource, SampleListener {

    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long THINK_SALT = 0x7417CL;

    private final int sessions;
    private final int turns;
    private final ThinkTime think;
    private final LoadShape load;
    private final List<String> models;
    private final ModelParams params;
    private final PromptSource prompts;
    private final long seed;
    private final BooleanSupplier cancelled;
    private final SessionTally tally;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Due> due = new PriorityQueue<>();
    private final Conversation[] conversations;
    /** The open loop's session starts; null in a closed loop. */
    private final Schedule arrivals;
    private int nextSession;
    private long order;
    private long skipped;
    /** Turns sent whose sample has not come back: their sessions may still have turns to come. */
    private int inFlight;
    private long lastStart;
    private long origin = -1;

    /**
     * @param load       closed: that many sessions at once; open: sessions started at its rate
     * @param prompts    each turn's new question, by the turn's sequence
     * @param cancelled  the run's cancellation, which ends a wait
     */
    public SessionRequests(int sessions, int turns, ThinkTime think, LoadShape load, List<String> models,
                           ModelParams params, PromptSource prompts, long seed, BooleanSupplier cancelled) {
        this.sessions = sessions;
        this.turns = turns;
        this.think = think;
        this.load = load;
        this.models = List.copyOf(models);
        this.params = params == null ? ModelParams.DEFAULTS : params;
        this.prompts = prompts;
        this.seed = seed;
        this.cancelled = cancelled;
        this.tally = new SessionTally(turns, think.text());
        this.conversations = new Conversation[sessions];
        this.arrivals = load instanceof LoadShape.Open open ? new Schedule(open) : null;
        int first = load instanceof LoadShape.Closed closed ? Math.min(closed.concurrency(), sessions) : 1;
        for (int i = 0; i < first; i++) {
            startNextSession(0);
        }
    }

    /** A turn known and waiting for its time. */
    private record Due(long atNanos, long order, int session) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            return atNanos != o.atNanos ? Long.compare(atNanos, o.atNanos) : Long.compare(order, o.order);
        }
    }

    /** One session's state: the conversation so far and where its turns stand. */
    private static final class Conversation {
        final List<Message> history = new ArrayList<>();
        final SplittableRandom thinking;
        final long startNanos;
        int turn;
        List<Message> sent = List.of();

        Conversation(long startNanos, SplittableRandom thinking) {
            this.startNanos = startNanos;
            this.thinking = thinking;
        }
    }

    /** Queues the next session's first turn; the caller holds the lock (or is the constructor). */
    private void startNextSession(long atNanos) {
        if (nextSession >= sessions) {
            return;
        }
        int s = nextSession++;
        long at = arrivals != null ? arrivals.next() : atNanos;
        conversations[s] = new Conversation(at, new SplittableRandom(PromptBuilder.mix(seed ^ THINK_SALT, s)));
        due.add(new Due(at, order++, s));
    }

    @Override
    public long size() {
        lock.lock();
        try {
            return (long) sessions * turns - skipped;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public PlannedRequest get(long index) {
        lock.lock();
        try {
            if (origin < 0) {
                origin = System.nanoTime();
            }
            while (!cancelled.getAsBoolean()) {
                Due head = due.peek();
                if (head == null) {
                    if (nextSession >= sessions && inFlight == 0) {
                        return null; // every session has ended
                    }
                    changed.awaitNanos(WAIT_SLICE_NANOS);
                    continue;
                }
                long wait = origin + head.atNanos() - System.nanoTime();
                if (wait > 0) {
                    changed.awaitNanos(Math.min(wait, WAIT_SLICE_NANOS));
                    continue;
                }
                due.poll();
                lastStart = head.atNanos();
                if (load instanceof LoadShape.Open && conversations[head.session()].turn == 0) {
                    startNextSession(0); // the open loop starts sessions on its own clock
                }
                return request(head.session());
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    private PlannedRequest request(int session) {
        Conversation c = conversations[session];
        if (c.turn == 0) {
            tally.sessionStarted();
        }
        long sequence = (long) session * turns + c.turn;
        String model = models.get(session % models.size());
        List<Message> messages = new ArrayList<>(c.history);
        messages.addAll(prompts.prompt(sequence, model).messages());
        c.sent = messages;
        inFlight++;
        return new PlannedRequest(sequence, model, "session-" + session + "-turn-" + (c.turn + 1), c.turn, messages,
                params, false);
    }

    @Override
    public boolean timed() {
        return true;
    }

    @Override
    public long startNanos(long index) {
        return lastStart;
    }

    /** A turn ended: queue the session's next turn after its think time, or end the session. */
    @Override
    public void onSample(Sample sample) {
        if (sample.warmup()) {
            return;
        }
        int session = (int) (sample.sequence() / turns);
        int turn = (int) (sample.sequence() % turns);
        tally.turn(turn, sample);
        long end = sample.scheduledNanos() + sample.e2eNanos();
        lock.lock();
        try {
            inFlight--;
            Conversation c = conversations[session];
            c.history.clear();
            c.history.addAll(c.sent);
            c.sent = List.of();
            c.turn = turn + 1;
            if (!sample.ok()) {
                skipped += turns - turn - 1;
                c.turn = turns;
                sessionEnded(end);
            } else if (c.turn < turns) {
                c.history.add(Message.assistant(sample.text()));
                due.add(new Due(end + think.drawNanos(c.thinking), order++, session));
            } else {
                tally.sessionCompleted(end - c.startNanos);
                c.history.clear(); // done: nothing more to carry
                sessionEnded(end);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void sessionEnded(long end) {
        if (load instanceof LoadShape.Closed) {
            startNextSession(end);
        }
    }

    public WorkloadReport.Sessions report() {
        return tally.summary();
    }
}
