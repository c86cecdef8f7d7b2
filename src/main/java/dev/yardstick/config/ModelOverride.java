package dev.yardstick.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * What a prompt file sets for one model only ({@code models: {mock/fast: {...}}}, on the file or on a case): the
 * generation parameters its requests use ({@code temperature}, {@code max-tokens}), and assertions its answers must
 * pass besides the case's own.
 */
public record ModelOverride(Double temperature, Integer maxTokens,
                            @JsonProperty("assert") List<AssertionSpec> asserts) {

    public static final ModelOverride NONE = new ModelOverride(null, null, null);

    public ModelOverride {
        asserts = asserts == null ? List.of() : List.copyOf(asserts);
        new ModelParams(temperature, maxTokens, null, null, null); // checked as the file is read, at its line
    }

    public ModelParams params() {
        return new ModelParams(temperature, maxTokens, null, null, null);
    }

    /** This override with {@code later}'s parameters where set, and both's assertions (ours first). */
    public ModelOverride then(ModelOverride later) {
        List<AssertionSpec> all = new ArrayList<>(asserts);
        all.addAll(later.asserts);
        return new ModelOverride(later.temperature != null ? later.temperature : temperature,
                later.maxTokens != null ? later.maxTokens : maxTokens, all);
    }

    public ModelOverride withAsserts(List<AssertionSpec> filled) {
        return new ModelOverride(temperature, maxTokens, filled);
    }
}
