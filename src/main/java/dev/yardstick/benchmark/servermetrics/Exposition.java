package dev.yardstick.benchmark.servermetrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One scrape's samples, summed over label sets where a figure is asked for the whole server. */
record Exposition(List<PrometheusText.Sample> samples) {

    Exposition {
        samples = List.copyOf(samples);
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** Every series of {@code name} added up (several models or engines behind one endpoint). */
    double sum(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(PrometheusText.Sample::value).sum();
    }

    /** A histogram's cumulative bucket counts by upper bound ({@code le}), summed over its other labels. */
    Buckets buckets(String histogram) {
        TreeMap<Double, Double> counts = new TreeMap<>();
        for (PrometheusText.Sample s : samples) {
            String le = s.labels().get("le");
            if (s.name().equals(histogram + "_bucket") && le != null) {
                counts.merge(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), s.value(),
                        Double::sum);
            }
        }
        return new Buckets(counts);
    }

    /** Cumulative counts by upper bound, as Prometheus histograms keep them. */
    record Buckets(TreeMap<Double, Double> cumulative) {

        boolean isEmpty() {
            return cumulative.isEmpty();
        }

        double count() {
            return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
        }

        /** This histogram less an earlier one of the same series: what was observed in between. */
        Buckets minus(Buckets earlier) {
            TreeMap<Double, Double> delta = new TreeMap<>();
            cumulative.forEach((le, n) -> delta.put(le, n - earlier.cumulative.getOrDefault(le, 0.0)));
            return new Buckets(delta);
        }

        /** A bucket count fell: the server restarted (its counters reset) in between. */
        boolean negative() {
            return cumulative.values().stream().anyMatch(n -> n < 0);
        }

        /**
         * The {@code q}-quantile as Prometheus' {@code histogram_quantile} estimates it: linear interpolation inside
         * the bucket the rank falls in (from 0 for the first bucket); a rank in the +Inf bucket gives the highest
         * finite bound. NaN when the histogram is empty.
         */
        double quantile(double q) {
            double total = count();
            if (!(total > 0)) {
                return Double.NaN;
            }
            double rank = q * total;
            double lowerBound = 0;
            double lowerCount = 0;
            for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
                double le = bucket.getKey();
                double n = bucket.getValue();
                if (n >= rank) {
                    if (Double.isInfinite(le)) {
                        return lowerBound;
                    }
                    return n == lowerCount ? le : lowerBound + (le - lowerBound) * (rank - lowerCount) / (n - lowerCount);
                }
                lowerBound = Double.isInfinite(le) ? lowerBound : le;
                lowerCount = n;
            }
            return lowerBound;
        }
    }
}
