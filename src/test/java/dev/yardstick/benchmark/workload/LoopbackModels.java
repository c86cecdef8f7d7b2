package dev.yardstick.benchmark.workload;

import dev.yardstick.config.ModelParams;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.YardstickConfig;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.ProviderRegistry;
import dev.yardstick.provider.http.LeanHttpClient;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import java.util.List;
import java.util.Map;

/** The real clients of a protocol opened against a loopback server. */
final class LoopbackModels {

    private LoopbackModels() {
    }

    static OpenedModels open(LoopbackLlmServer server, Protocol protocol, String label, ModelParams params) {
        ProviderContext context = new ProviderContext(Map.of("OPENAI_API_KEY", "sk-test", "ANTHROPIC_API_KEY",
                "sk-ant-test"), YardstickConfig.EMPTY);
        ModelParams withUrl = new ModelParams(params.temperature(), params.maxTokens(), params.seed(),
                server.baseUrl(protocol), params.timeout());
        return ProviderRegistry.create(context, List.of(), LeanHttpClient::builder)
                .open(List.of(ModelSpec.parse(label).withParams(withUrl)));
    }
}
