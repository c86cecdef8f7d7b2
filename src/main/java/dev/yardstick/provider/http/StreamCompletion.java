package dev.yardstick.provider.http;

import dev.langchain4j.http.client.sse.ServerSentEvent;

/**
 * Decides, event by event, whether one streamed response was a complete answer by the rules of its wire protocol
 * (a terminal event, no error in the stream, content rather than only metadata). The client asks it about every
 * event before the model's listener sees the event, and once more when the body has ended. One instance per
 * request; called from the reading thread only.
 */
public interface StreamCompletion {

    /**
     * @return null to go on, or why the stream failed (an error event, data that is not the protocol's): the client
     *         then ends the request at once as a malformed stream, and the listener never sees this event
     */
    String onEvent(ServerSentEvent event);

    /** @return null when what arrived was a complete answer, else what was missing */
    String atEnd();

    /** Accepts any stream: the client without a protocol to judge by. */
    StreamCompletion ANY = new StreamCompletion() {
        @Override
        public String onEvent(ServerSentEvent event) {
            return null;
        }

        @Override
        public String atEnd() {
            return null;
        }
    };
}
