package dev.yardstick.cost.workload;

/**
 * What-if settings given on the command line, each replacing the scenario's own where set (null where not).
 *
 * @param perDay             requests a day
 * @param perMonth           requests a month (30 days)
 * @param growth             monthly growth in percent, compounded
 * @param days               the period to cost
 * @param cacheShare         share of input tokens read from the prompt cache
 * @param cacheWriteShare    share of input tokens written to the prompt cache, for every model
 * @param cacheWritesPerRead tokens written to the cache per token read from it, where writes are billed
 * @param batchShare         share of requests sent through the batch API
 */
public record WorkloadOverrides(Double perDay, Double perMonth, Double growth, Integer days, Double cacheShare,
                                Double cacheWriteShare, Double cacheWritesPerRead, Double batchShare) {

    public static final WorkloadOverrides NONE = new WorkloadOverrides(null, null, null, null, null, null, null,
            null);

    public boolean setsVolume() {
        return perDay != null || perMonth != null;
    }

    /** The scenario's volume with the settings given applied; a rate given replaces its rate. */
    public Volume volume(Volume base) {
        if (!setsVolume()) {
            return new Volume(base.requestsPerDay(), base.requestsPerMonth(),
                    growth != null ? growth : base.monthlyGrowth(), days != null ? days : base.days());
        }
        return new Volume(perDay, perMonth, growth != null ? growth : base == null ? null : base.monthlyGrowth(),
                days != null ? days : base == null ? null : base.days());
    }

    public Shares shares(Shares base) {
        return new Shares(cacheShare != null ? cacheShare : base.cache(),
                cacheWriteShare != null ? cacheWriteShare : base.cacheWrite(),
                batchShare != null ? batchShare : base.batch(),
                cacheWritesPerRead != null ? cacheWritesPerRead : base.writesPerRead());
    }

    /** The scenario with every setting given applied. */
    public Scenario applyTo(Scenario scenario) {
        return scenario.withVolume(volume(scenario.volume())).withShares(shares(scenario.shares()));
    }
}
