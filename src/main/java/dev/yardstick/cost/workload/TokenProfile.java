package dev.yardstick.cost.workload;

import java.util.List;

/**
 * The requests of a workload as one model sees them: buckets of input and output tokens with weights, and where
 * the numbers came from ({@code basis}: given by the scenario, counted with a named tokenizer, observed in a usage
 * log, or estimated). {@code estimated} marks counts that are a guess, and every output that shows them says so.
 */
public record TokenProfile(List<TokenBucket> buckets, String basis, boolean estimated) {

    public TokenProfile {
        buckets = List.copyOf(buckets);
        if (buckets.isEmpty()) {
            throw new IllegalArgumentException("a token profile needs at least one bucket");
        }
    }

    public static TokenProfile mean(double input, double output) {
        return new TokenProfile(List.of(TokenBucket.of(input, output)), "given (mean)", false);
    }

    public double totalWeight() {
        return buckets.stream().mapToDouble(TokenBucket::weight).sum();
    }

    public double meanInput() {
        return buckets.stream().mapToDouble(b -> b.input() * b.weight()).sum() / totalWeight();
    }

    public double meanOutput() {
        return buckets.stream().mapToDouble(b -> b.output() * b.weight()).sum() / totalWeight();
    }

    /** The largest prompt of any request, which must fit the model's context. */
    public double maxInput() {
        return buckets.stream().mapToDouble(TokenBucket::input).max().orElse(0);
    }

    public double maxOutput() {
        return buckets.stream().mapToDouble(TokenBucket::output).max().orElse(0);
    }

    /** The largest input plus output of any one request: what must fit the context window. */
    public double maxTotal() {
        return buckets.stream().mapToDouble(b -> b.input() + b.output()).max().orElse(0);
    }
}
