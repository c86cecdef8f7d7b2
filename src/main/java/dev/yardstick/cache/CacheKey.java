package dev.yardstick.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.engine.PlannedRequest;
import dev.yardstick.export.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two requests the same answer: provider, model, base URL, the generation parameters in force, the
 * repetition and every message. Headers (and so API keys) are no part of it; nor is the timeout, which changes
 * whether an answer arrives, not which.
 *
 * @param material the canonical JSON the digest is taken of, stored beside the answer to tell a collision or a
 *                 damaged file from a hit
 */
record CacheKey(String material, String digest) {

    /** Bumped when the material or the stored answer changes shape: older entries then simply miss. */
    private static final int VERSION = 1;

    private record Material(int version, String provider, String model, String baseUrl, Double temperature,
                            Integer maxTokens, Integer seed, int repetition, List<Message> messages) {
    }

    static CacheKey of(ModelSpec spec, PlannedRequest request) {
        ModelParams p = effective(spec, request);
        Material material = new Material(VERSION, spec.provider(), spec.model(), p.baseUrl(), p.temperature(),
                p.maxTokens(), p.seed(), request.repetition(), request.messages());
        try {
            String json = Json.mapper().writeValueAsString(material);
            return new CacheKey(json, sha256(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cache key of " + spec.label(), e);
        }
    }

    /** The request's own parameters win over the model's, as they do on the wire. */
    static ModelParams effective(ModelSpec spec, PlannedRequest request) {
        return spec.params().overriddenBy(request.params());
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
