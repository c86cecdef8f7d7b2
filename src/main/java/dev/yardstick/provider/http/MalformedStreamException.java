package dev.yardstick.provider.http;

import dev.yardstick.config.Secrets;
import java.io.IOException;

/**
 * A 2xx response that was not a complete answer: an error event, data that is not the protocol's, no terminal
 * event, nothing but metadata, or a line or event past the client's limits. The message says what was wrong and
 * shows the first {@value #HEAD_CHARS} characters that arrived, secrets redacted, so the cause can be seen without
 * a packet capture.
 */
public final class MalformedStreamException extends IOException {

    /** How much of the response a message shows. */
    public static final int HEAD_CHARS = 200;

    public MalformedStreamException(String reason, String head) {
        super(reason + describe(head));
    }

    public MalformedStreamException(String reason, String head, Throwable cause) {
        super(reason + describe(head), cause);
    }

    private static String describe(String head) {
        if (head == null || head.isEmpty()) {
            return "; the response body was empty";
        }
        // Redacted before it is cut, so a key straddling the cut cannot leave part of itself behind.
        String shown = Secrets.redact(head);
        boolean cut = shown.length() > HEAD_CHARS;
        shown = cut ? shown.substring(0, HEAD_CHARS) : shown;
        return "; the response began: \"" + shown.replace("\r", "\\r").replace("\n", "\\n") + (cut ? "…" : "") + "\"";
    }
}
