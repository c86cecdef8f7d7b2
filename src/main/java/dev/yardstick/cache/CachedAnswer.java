package dev.yardstick.cache;

import dev.yardstick.engine.PlannedRequest;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.TokenCounts;

/**
 * One stored answer, with the key material it answers. No times: a replayed answer was never waited for.
 */
record CachedAnswer(String key, String text, String finishReason, String requestId, TokenCounts tokens) {

    static CachedAnswer of(CacheKey key, Sample sample) {
        return new CachedAnswer(key.material(), sample.text(), sample.finishReason(), sample.requestId(),
                sample.tokens());
    }

    /**
     * The answer as a sample of {@code request} that took no try ({@link Sample#cached()}): no TTFT, no E2E, no
     * gaps, so no latency statistic can take it for a live one.
     */
    Sample toSample(PlannedRequest request) {
        return new Sample(request.sequence(), request.model(), request.promptId(), request.repetition(), false,
                0, 0, -1, 0, new long[0], tokens, text, finishReason, requestId, 0, null);
    }
}
