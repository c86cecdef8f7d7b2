package dev.yardstick.engine;

/**
 * A request failed on Yardstick's own limits (file descriptors, memory), not the server's. The run stops at once:
 * every later figure would measure the client, and such failures are never charged to the server.
 */
public final class ClientLimitException extends RuntimeException {

    public ClientLimitException(SampleError error) {
        super(error.message() + " (" + hint(error.message()) + ")");
    }

    private static String hint(String message) {
        return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("open files")
                ? "out of file descriptors: raise the limit with 'ulimit -n' or lower --concurrency"
                : "out of memory: lower --concurrency or give the JVM more heap";
    }
}
