package dev.yardstick.config;

/**
 * One endpoint of a {@link PoolConfig}: an endpoint of the config file (serving the pool's model) or a model spec.
 *
 * @param endpoint an endpoint named in the file's {@code endpoints:}; or null with {@code model}
 * @param model    a model spec ({@code provider/model}); or null with {@code endpoint}
 * @param weight   its share of a weighted pool's requests, relative to the others' (default 1)
 */
public record PoolMember(String endpoint, String model, Integer weight) {

    public PoolMember {
        if ((endpoint == null) == (model == null)) {
            throw new FieldException(endpoint == null ? "endpoint" : "model", "give a member either 'endpoint: NAME'"
                    + " (an endpoint of this file) or 'model: provider/model', "
                    + (endpoint == null ? "not neither" : "not both"));
        }
        if (model != null) {
            try {
                ModelSpec.parse(model);
            } catch (InputException e) {
                throw new FieldException("model", e.getMessage());
            }
        }
        if (weight != null && weight < 1) {
            throw new FieldException("weight", "must be a whole number of at least 1, got " + weight);
        }
    }

    public int weightOrOne() {
        return weight == null ? 1 : weight;
    }
}
