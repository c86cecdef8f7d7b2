package dev.yardstick.provider;

/** A provider failed in a way the user cannot fix by changing the command: a server down, a native load failure. */
public class ProviderException extends RuntimeException {

    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
