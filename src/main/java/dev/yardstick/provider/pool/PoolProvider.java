package dev.yardstick.provider.pool;

import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.PoolConfig;
import dev.yardstick.provider.Availability;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.Provider;
import dev.yardstick.provider.ProviderContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code pool:NAME}: the config file's pools, each opened as an {@link EndpointPool} of its members' clients. An
 * endpoint member is named by its endpoint, a model member by its label.
 */
public final class PoolProvider implements Provider {

    private final Function<String, Provider> providers;

    /** @param providers the registry's providers by name, which open the members */
    public PoolProvider(Function<String, Provider> providers) {
        this.providers = providers;
    }

    @Override
    public String name() {
        return ModelSpec.POOL;
    }

    @Override
    public String description() {
        return "a pool of endpoints serving one model (pool:NAME, from the config file's pools:)";
    }

    @Override
    public Availability availability(ProviderContext context) {
        Map<String, PoolConfig> pools = context.config().pools();
        return pools.isEmpty() ? Availability.no("no pools: section in the config file")
                : Availability.ok(String.join(", ", pools.keySet().stream().sorted().map(p -> "pool:" + p).toList()));
    }

    @Override
    public ModelClient open(ModelSpec spec, ProviderContext context) {
        PoolConfig pool = context.config().pool(spec.model());
        Map<String, ModelClient> members = new LinkedHashMap<>();
        try {
            List<ModelSpec> specs = pool.specs();
            for (int i = 0; i < specs.size(); i++) {
                ModelSpec member = specs.get(i);
                if (member.provider().equals(ModelSpec.POOL)) {
                    throw new InputException(spec.label() + ": member " + member.label() + " is a pool; a pool's"
                            + " members are endpoints");
                }
                String endpoint = pool.members().get(i).endpoint();
                members.put(unique(members, endpoint != null ? endpoint : member.label()),
                        providers.apply(member.provider()).open(member.withParams(spec.params()), context));
            }
        } catch (RuntimeException e) {
            members.values().forEach(ModelClient::close);
            throw e;
        }
        return new EndpointPool(spec, pool, members, Clock.systemUTC());
    }

    /** The same endpoint twice in a pool (twice its share) is told apart as {@code name#2}. */
    private static String unique(Map<String, ModelClient> taken, String name) {
        String candidate = name;
        for (int n = 2; taken.containsKey(candidate); n++) {
            candidate = name + "#" + n;
        }
        return candidate;
    }
}
