package dev.yardstick.provider;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.provider.hosted.HostedApi;
import dev.yardstick.provider.hosted.HostedProvider;
import dev.yardstick.provider.mock.MockProvider;
import dev.yardstick.provider.pool.PoolProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every provider a run can use: the built-in ones, then the endpoints the config file names. */
public final class ProviderRegistry {

    private final Map<String, Provider> providers;
    private final ProviderContext context;

    private ProviderRegistry(Map<String, Provider> providers, ProviderContext context) {
        this.providers = providers;
        this.context = context;
    }

    /**
     * @param extra in-process providers added by the caller (local llama.cpp), before config endpoints
     * @param http  the HTTP client for hosted providers; null for langchain4j's default
     */
    public static ProviderRegistry create(ProviderContext context, List<Provider> extra,
                                          Supplier<HttpClientBuilder> http) {
        Map<String, Provider> providers = new LinkedHashMap<>();
        for (HostedApi api : HostedApi.builtIns()) {
            providers.put(api.name(), new HostedProvider(api, http));
        }
        for (Provider provider : extra) {
            providers.put(provider.name(), provider);
        }
        MockProvider mock = new MockProvider();
        providers.put(mock.name(), mock);
        PoolProvider pools = new PoolProvider(providers::get);
        providers.put(pools.name(), pools);
        context.config().endpoints().forEach((name, endpoint) -> {
            if (providers.containsKey(name)) {
                throw new InputException("endpoint '" + name + "' in the config file shadows the built-in provider '"
                        + name + "': give it another name");
            }
            providers.put(name, HostedProvider.forEndpoint(name, endpoint, http));
        });
        return new ProviderRegistry(providers, context);
    }

    public Provider provider(String name) {
        Provider provider = providers.get(name);
        if (provider == null) {
            throw new InputException("unknown provider '" + name + "' (known: " + String.join(", ", providers.keySet())
                    + "; or define an endpoint named '" + name + "' in the config file)");
        }
        return provider;
    }

    /** Whether {@code name} is a known provider whose models run in this process; false for unknown names. */
    public boolean inProcess(String name) {
        Provider provider = providers.get(name);
        return provider != null && provider.inProcess();
    }

    public Collection<Provider> all() {
        return providers.values();
    }

    public ProviderContext context() {
        return context;
    }

    /** Opens each model once, closing those already opened if a later one fails. */
    public OpenedModels open(List<ModelSpec> specs) {
        List<ModelClient> opened = new ArrayList<>();
        try {
            for (ModelSpec spec : specs) {
                opened.add(provider(spec.provider()).open(spec, context));
            }
            return new OpenedModels(opened);
        } catch (RuntimeException e) {
            opened.forEach(ModelClient::close);
            throw e;
        }
    }
}
