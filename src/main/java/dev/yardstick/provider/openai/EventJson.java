package dev.yardstick.provider.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.IOException;

/**
 * Jackson's factory for the events of a stream: a parser per event (an event is one JSON document), each borrowing
 * the buffers of the stream's one {@link BufferRecycler} instead of taking them from the shared pool and giving them
 * back at every event. The recycler is taken from the pool once per stream ({@link #buffers()}) and returned when
 * the stream is read ({@link BufferRecycler#releaseToPool()}).
 */
final class EventJson extends JsonFactory {

    private static final long serialVersionUID = 1L;

    EventJson() {
        super(new JsonFactoryBuilder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()));
    }

    /** One stream's buffers, from the pool shared by all threads (a request runs on a fresh virtual thread). */
    BufferRecycler buffers() {
        return _getBufferRecycler();
    }

    /**
     * A parser over one event's bytes, using {@code buffers}; closing it leaves them with the stream. Where a parse
     * failed is not reported by position, so the parser keeps no reference to the content.
     */
    JsonParser parser(byte[] data, int offset, int length, BufferRecycler buffers) throws IOException {
        IOContext context = new IOContext(_streamReadConstraints, _streamWriteConstraints, _errorReportConfiguration,
                buffers, ContentReference.unknown(), true).markBufferRecyclerReleased();
        return _createParser(data, offset, length, context);
    }
}
