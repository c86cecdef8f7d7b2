package dev.yardstick.provider.http;

import java.io.IOException;

/**
 * The connection failed before any response arrived: refused, reset, or closed by the server (on accept, or after
 * reading the request) before the status line. Told apart from a body that broke off, which is a malformed stream.
 */
public final class NoResponseException extends IOException {

    public NoResponseException(IOException cause) {
        super("no response: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()),
                cause);
    }
}
