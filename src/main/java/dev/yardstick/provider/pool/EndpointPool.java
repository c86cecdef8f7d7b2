package dev.yardstick.provider.pool;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.PoolConfig;
import dev.yardstick.provider.ClientWarmup;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.TokenCounter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code pool:NAME}: one model served by several endpoints. Each try goes to the endpoint its {@link Balancer}
 * offers first among those that are in; an endpoint whose failures pass the pool's ejection rule is out for its
 * cool-down, then probed by one request. When every endpoint is out the try fails at once, sending nothing, as a
 * router with no healthy backend does. Its tokenizer and limits are the first endpoint's: a pool serves one model.
 */
public final class EndpointPool implements ModelClient, EndpointRouter {

    private final ModelSpec spec;
    private final List<PoolEndpoint> endpoints;
    private final Balancer balancer;
    private final StreamingChatModel routing;

    /**
     * @param members the opened endpoints, by name, in the config file's order; the pool closes them
     */
    public EndpointPool(ModelSpec spec, PoolConfig config, Map<String, ModelClient> members, Clock clock) {
        this.spec = spec;
        List<PoolEndpoint> list = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, ModelClient> member : members.entrySet()) {
            list.add(new PoolEndpoint(member.getKey(), member.getValue(), config.members().get(i++).weightOrOne(),
                    config.eject().breaker(), clock));
        }
        this.endpoints = List.copyOf(list);
        this.balancer = Balancer.of(config.balancing(), endpoints);
        this.routing = new RoutingChatModel(this, endpoints.getFirst().client().chatModel());
    }

    @Override
    public Route route() {
        for (PoolEndpoint endpoint : balancer.order(endpoints)) {
            if (endpoint.tryTake()) {
                balancer.took(endpoint);
                return new Taken(endpoint, System.nanoTime());
            }
        }
        return new NoEndpointLeft(this);
    }

    @Override
    public Map<String, Ejections> ejections() {
        Map<String, Ejections> out = new LinkedHashMap<>();
        endpoints.forEach(e -> out.put(e.name(), e.ejections()));
        return out;
    }

    /** The endpoints' names, in the config file's order. */
    public List<String> endpointNames() {
        return endpoints.stream().map(PoolEndpoint::name).toList();
    }

    /** The endpoints taken out now (open, or half-open with a probe in flight). */
    List<String> out() {
        return endpoints.stream().filter(PoolEndpoint::out).map(PoolEndpoint::name).toList();
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    /** A model that routes each request itself, for callers that do not route (judges, wrapped views). */
    @Override
    public StreamingChatModel chatModel() {
        return routing;
    }

    @Override
    public TokenCounter tokenCounter() {
        return endpoints.getFirst().client().tokenCounter();
    }

    @Override
    public OptionalInt contextWindow() {
        return endpoints.getFirst().client().contextWindow();
    }

    @Override
    public boolean synthetic() {
        return endpoints.stream().allMatch(e -> e.client().synthetic());
    }

    /** What the endpoints serve together; unlimited when any of them is. */
    @Override
    public int maxConcurrency() {
        long sum = endpoints.stream().mapToLong(e -> e.client().maxConcurrency()).sum();
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    /** The client path is the same for every endpoint of one model: warming the first warms it. */
    @Override
    public ClientWarmup clientWarmup() {
        return endpoints.getFirst().client().clientWarmup();
    }

    @Override
    public void close() {
        endpoints.forEach(e -> e.client().close());
    }

    /** A try on one endpoint, judged by how it ended. */
    private record Taken(PoolEndpoint taken, long startedAt) implements Route {

        @Override
        public ModelClient client() {
            return taken.client();
        }

        @Override
        public String endpoint() {
            return taken.name();
        }

        @Override
        public void ended(Outcome outcome) {
            taken.release(outcome, System.nanoTime() - startedAt);
        }
    }
}
