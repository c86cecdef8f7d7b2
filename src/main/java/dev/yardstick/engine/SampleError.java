package dev.yardstick.engine;

/**
 * Why a request failed. {@code message} is already scrubbed of secrets. {@code retryAfterMillis} keeps a 429's or
 * 503's Retry-After so a retry policy can honour it.
 */
public record SampleError(ErrorClass errorClass, Integer httpStatus, String message, Long retryAfterMillis) {
}
