package dev.yardstick.stats;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A percentile bootstrap of a histogram's mean: {@value #RESAMPLES} resamples with replacement of the recorded
 * values, each value its bucket's middle (as HdrHistogram's own mean), from a fixed seed so the same report always
 * gives the same interval. Above {@value #MAX_DRAWS} values a resample draws {@value #MAX_DRAWS} and its deviation
 * from the mean is scaled by √(draws / n), which keeps a mean's spread exact and the work bounded.
 *
 * <p>Throughputs get their interval from it too: in a closed loop a step's request rate is its concurrency over
 * its mean latency, so their noise is the mean E2E's ({@link #ratioInterval}). In an open loop the rate is set by
 * the schedule and that interval is wider than the truth, which only makes a throughput gate more cautious.
 */
final class MeanBootstrap {

    static final int RESAMPLES = 1000;
    static final int MAX_DRAWS = 4000;
    private static final long SEED = 0x5EED_B007L;

    private final double mean;
    private final double[] sortedMeans;

    private MeanBootstrap(double mean, double[] sortedMeans) {
        this.mean = mean;
        this.sortedMeans = sortedMeans;
    }

    /** Resamples {@code h} (recorded units); an empty histogram gives NaN intervals. */
    static MeanBootstrap of(AbstractHistogram h) {
        long n = h.getTotalCount();
        if (n == 0) {
            return new MeanBootstrap(Double.NaN, new double[0]);
        }
        ValueDraw draw = ValueDraw.of(h);
        double mean = h.getMean();
        int draws = (int) Math.min(n, MAX_DRAWS);
        double scale = Math.sqrt(draws / (double) n);
        SplittableRandom random = new SplittableRandom(SEED);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int d = 0; d < draws; d++) {
                sum += draw.next(random);
            }
            means[r] = mean + (sum / draws - mean) * scale;
        }
        Arrays.sort(means);
        return new MeanBootstrap(mean, means);
    }

    /** The mean's interval at {@code confidence}, in recorded units. */
    Interval meanInterval(double confidence) {
        if (sortedMeans.length == 0) {
            return Interval.UNDEFINED;
        }
        return new Interval(quantile((1 - confidence) / 2), quantile(1 - (1 - confidence) / 2));
    }

    /**
     * The interval of a figure inversely proportional to the mean ({@code value} = k / mean): value · mean /
     * resampled mean, at {@code confidence}.
     */
    Interval ratioInterval(double value, double confidence) {
        Interval m = meanInterval(confidence);
        if (Double.isNaN(value) || !m.bounded() || m.low() <= 0) {
            return Interval.UNDEFINED;
        }
        return new Interval(value * mean / m.high(), value * mean / m.low());
    }

    /**
     * Draws one recorded value at random, each value as often as it was recorded: from the values laid out one by
     * one when there are few, else by a binary search of the cumulative counts.
     */
    private record ValueDraw(long n, long[] cumulative, double[] values) {

        static ValueDraw of(AbstractHistogram h) {
            long n = h.getTotalCount();
            boolean flat = n <= MAX_DRAWS;
            int size = 0;
            for (HistogramIterationValue ignored : h.recordedValues()) {
                size++;
            }
            long[] cumulative = new long[size];
            double[] buckets = new double[size];
            int i = 0;
            long seen = 0;
            for (HistogramIterationValue v : h.recordedValues()) {
                seen += v.getCountAddedInThisIterationStep();
                cumulative[i] = seen;
                buckets[i++] = h.medianEquivalentValue(v.getValueIteratedTo());
            }
            if (!flat) {
                return new ValueDraw(n, cumulative, buckets);
            }
            double[] values = new double[(int) n];
            int at = 0;
            for (int b = 0; b < size; b++) {
                Arrays.fill(values, at, (int) cumulative[b], buckets[b]);
                at = (int) cumulative[b];
            }
            return new ValueDraw(n, null, values);
        }

        double next(SplittableRandom random) {
            if (cumulative == null) {
                return values[random.nextInt(values.length)];
            }
            int at = Arrays.binarySearch(cumulative, random.nextLong(n) + 1);
            return values[at >= 0 ? at : -at - 1];
        }
    }

    private double quantile(double q) {
        int index = (int) Math.round(q * (sortedMeans.length - 1));
        return sortedMeans[Math.max(0, Math.min(sortedMeans.length - 1, index))];
    }
}
