package dev.yardstick.provider.http;

import java.nio.charset.StandardCharsets;

/**
 * The first bytes of a response body, kept as they pass, for the message of a response that turns out not to be an
 * answer (a malformed or broken stream): the pull path's {@link ExchangeBody} and the event loop's
 * {@link PushedStream} keep the same.
 */
final class BodyHead {

    private static final int BYTES = 1024;

    private final byte[] bytes = new byte[BYTES];
    private int length;

    /** Keeps what of {@code buffer[offset, offset + n)} still fits. */
    void keep(byte[] buffer, int offset, int n) {
        int kept = Math.min(n, BYTES - length);
        if (kept > 0) {
            System.arraycopy(buffer, offset, bytes, length, kept);
            length += kept;
        }
    }

    /** The bytes kept, decoded (a character cut at the end shows as a replacement mark). */
    String text() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
