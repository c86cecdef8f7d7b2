package dev.yardstick.provider.mock;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.provider.Availability;
import dev.yardstick.provider.ClientWarmup;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.Provider;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.TokenCounter;
import java.util.OptionalInt;

/** Synthetic models for dry runs and tests; never presented as a real model. */
public final class MockProvider implements Provider {

    private static final int CONTEXT_WINDOW = 1_000_000;
    private static final String WARMUP_PROFILE = "instant?tokens=3";

    @Override
    public String name() {
        return "mock";
    }

    @Override
    public boolean inProcess() {
        return true;
    }

    @Override
    public String description() {
        return "synthetic latency and tokens for dry runs and tests: mock/instant, mock/fast, mock/slow, mock/flaky,"
                + " mock/reasoner (reasoning tokens first, then the answer)";
    }

    @Override
    public Availability availability(ProviderContext context) {
        return Availability.ok("in-process, always available");
    }

    @Override
    public ModelClient open(ModelSpec spec, ProviderContext context) {
        ModelSpec withParams = spec.withParams(context.config().paramsFor(spec));
        MockProfile profile = MockProfile.parse(spec.model());
        return new Opened(withParams, new MockStreamingChatModel(profile));
    }

    private record Opened(ModelSpec spec, StreamingChatModel chatModel) implements ModelClient {
        @Override
        public TokenCounter tokenCounter() {
            return MockTokenCounter.INSTANCE;
        }

        @Override
        public OptionalInt contextWindow() {
            return OptionalInt.of(CONTEXT_WINDOW);
        }

        @Override
        public boolean synthetic() {
            return true;
        }

        /**
         * A zero-delay mock of the same class: it runs the streaming path (and the engine's recording of it) without
         * touching this model's state, which counts how often each prompt was asked so that a seed reproduces a run.
         */
        @Override
        public ClientWarmup clientWarmup() {
            return ClientWarmup.inProcess("in-process", new MockStreamingChatModel(MockProfile.parse(WARMUP_PROFILE)));
        }
    }
}
