package dev.yardstick.eval;

import dev.langchain4j.data.embedding.Embedding;
import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import java.util.Collection;
import java.util.List;

/**
 * {@code similar}, with promptfoo's meaning: the cosine similarity between the embeddings of the answer and the
 * expected text ({@code value}; a list passes when any of them is close enough) reaches {@code threshold}, 0.75 by
 * default. The score is the best cosine. {@code not-similar} passes below the threshold. The embedding model is
 * loaded by the first similar assertion of a suite, not before: see {@link MiniLm}.
 */
final class SimilarAssertion implements Assertion {

    /** promptfoo's default threshold for {@code similar}. */
    static final double DEFAULT_THRESHOLD = 0.75;

    private final List<Embedding> expected;
    private final double threshold;

    private SimilarAssertion(List<Embedding> expected, double threshold) {
        this.expected = expected;
        this.threshold = threshold;
    }

    static Assertion compile(AssertionSpec spec) {
        // A single text is one sentence, commas and all: only a YAML list gives several.
        List<String> texts = spec.value() instanceof Collection<?> ? Values.texts(spec) : List.of(Values.text(spec));
        double threshold = spec.threshold() == null ? DEFAULT_THRESHOLD : spec.threshold();
        if (threshold < 0 || threshold > 1) {
            throw new FieldException("threshold", "a similarity threshold is between 0 and 1, got "
                    + Texts.number(threshold));
        }
        MiniLm model = MiniLm.get();
        return new SimilarAssertion(texts.stream().map(model::embed).toList(), threshold);
    }

    @Override
    public Grade grade(Answer answer) {
        Embedding actual = MiniLm.get().embed(answer.output());
        double best = expected.stream().mapToDouble(e -> MiniLm.cosine(actual, e)).max().orElseThrow();
        boolean pass = best >= threshold;
        return new Grade(pass, best, pass ? "" : "similarity " + Texts.number(round(best)) + " < "
                + Texts.number(threshold), false);
    }

    private static double round(double similarity) {
        return Math.round(similarity * 1000) / 1000.0;
    }
}
