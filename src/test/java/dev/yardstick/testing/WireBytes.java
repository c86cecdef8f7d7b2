package dev.yardstick.testing;

import dev.yardstick.testing.Behavior.FinishReason;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of well-formed answers in one protocol's framing, as {@link LoopbackLlmServer} sends them, for servers
 * that write them their own way ({@link FaultServer}): a whole stream, or its head, chunks and tail apart so that a
 * fault can be put between them.
 */
public final class WireBytes {

    private final Protocol protocol;
    private final Reply reply;

    private WireBytes(Protocol protocol, List<String> chunks, FinishReason finish) {
        this.protocol = protocol;
        this.reply = new Reply(0, "loopback-model", chunks, finish, true, 5, chunks.size(), 0, Behavior.DEFAULT,
                1_700_000_000L);
    }

    /** An answer of these content chunks that ends with a normal stop, usage reported. */
    public static WireBytes answer(Protocol protocol, String... chunks) {
        return new WireBytes(protocol, List.of(chunks), FinishReason.STOP);
    }

    public String contentType() {
        return protocol.wire().streamContentType();
    }

    /** The whole stream: head, every chunk, tail with the terminal event. */
    public String stream() {
        return head() + chunks() + tail();
    }

    /** Everything before the first content chunk. */
    public String head() {
        return protocol.wire().streamHead(reply);
    }

    /** Every content chunk's frame, in order. */
    public String chunks() {
        StringBuilder all = new StringBuilder();
        for (String frame : chunkFrames()) {
            all.append(frame);
        }
        return all.toString();
    }

    public List<String> chunkFrames() {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < reply.chunks().size(); i++) {
            frames.add(protocol.wire().streamChunk(reply, i));
        }
        return frames;
    }

    /** Finish reason, usage and the terminal event. */
    public String tail() {
        return protocol.wire().streamTail(reply);
    }

    /** The protocol's keep-alive frame ({@code : ping} or Anthropic's ping event). */
    public String keepAlive() {
        return protocol.wire().keepAliveFrame();
    }

    /** The same answer as one non-streamed JSON body. */
    public String completeBody() {
        return protocol.wire().completeBody(reply);
    }

    /** A provider-shaped error body. */
    public String errorBody(int status, String message) {
        return protocol.wire().errorBody(status, message);
    }
}
