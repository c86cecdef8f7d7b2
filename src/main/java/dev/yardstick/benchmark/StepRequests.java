package dev.yardstick.benchmark;

import dev.yardstick.config.ModelParams;
import dev.yardstick.engine.PlannedRequest;
import dev.yardstick.engine.RequestSource;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The requests of one step on one shard, made as the orchestrator asks for them: first the warm-up, then this
 * shard's share of the plan's measured requests. Requests go in rounds, one to each model in turn with the same
 * prompt, and shards take whole rounds (shard i of N every N-th round), so each shard still interleaves the models.
 * A measured request's sequence is its plan-wide index (the same on every shard), so shards never overlap and
 * together make exactly one run's requests.
 *
 * <p>A timed warm-up lasts from the first request until its time is up: every request dispatched before then is a
 * warm-up. Until it ends, the number of requests is unknown, and {@link #size()} says unbounded; from then on it is
 * the warm-ups sent plus the measured requests (the orchestrator asks for the size before every dispatch).
 */
final class StepRequests implements RequestSource {

    private final List<String> models;
    private final PromptSource prompts;
    private final ModelParams params;
    private final Shard shard;
    private final long measured;
    private final Warmup warmup;
    private final LongSupplier clock;
    private volatile long warmupEndsAt = Long.MIN_VALUE;
    /** The local index of the first measured request; unknown (-1) while a timed warm-up runs. */
    private volatile long firstMeasured;

    /**
     * @param measuredTotal  the plan's measured requests per step (all shards), or null when only time bounds it
     * @param clock          nanoseconds, for a timed warm-up
     */
    StepRequests(List<String> models, PromptSource prompts, ModelParams params, Shard shard, Long measuredTotal,
                 Warmup warmup, LongSupplier clock) {
        this.models = List.copyOf(models);
        this.prompts = prompts;
        this.params = params;
        this.shard = shard;
        this.measured = measuredTotal == null ? -1 : localCount(measuredTotal, models.size(), shard);
        this.warmup = warmup;
        this.clock = clock;
        this.firstMeasured = warmup.timed() ? -1 : warmup.requests();
    }

    @Override
    public long size() {
        long first = firstMeasured;
        return measured < 0 || first < 0 ? Long.MAX_VALUE : first + measured;
    }

    /** Called with 0, 1, 2, ... in order of dispatch, from one thread at a time. */
    @Override
    public PlannedRequest get(long local) {
        if (isWarmup(local)) {
            String model = models.get((int) (local % models.size()));
            PromptSource.Prompt p = prompts.prompt(-1 - local, model);
            return new PlannedRequest(-1 - local, model, p.id(), p.repetition(), p.messages(), params, true);
        }
        long mine = local - firstMeasured;
        int m = models.size();
        long round = shard.globalIndex(mine / m);
        String model = models.get((int) (mine % m));
        PromptSource.Prompt p = prompts.prompt(round, model);
        return new PlannedRequest(round * m + mine % m, model, p.id(), p.repetition(), p.messages(), params, false);
    }

    /** How many of the plan-wide indices below {@code total} fall in this shard's rounds of {@code models}. */
    static long localCount(long total, int models, Shard shard) {
        long fullRounds = total / models;
        long partial = total % models;
        long count = shard.localCount(fullRounds) * models;
        return fullRounds % shard.count() == shard.index() ? count + partial : count;
    }

    private boolean isWarmup(long local) {
        if (!warmup.timed()) {
            return local < firstMeasured;
        }
        if (firstMeasured >= 0) {
            return false;
        }
        long now = clock.getAsLong();
        if (warmupEndsAt == Long.MIN_VALUE) {
            warmupEndsAt = now + warmup.time().toNanos();
        }
        if (now < warmupEndsAt) {
            return true;
        }
        firstMeasured = local;
        return false;
    }
}
