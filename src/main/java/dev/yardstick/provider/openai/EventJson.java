package dev.yardstick.provider.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.InputStream;

/**
 * Jackson's factory for the events of a stream: parsers that borrow the buffers of the stream's one
 * {@link BufferRecycler} instead of taking them from the shared pool and giving them back at every event. The
 * recycler is taken from the pool once per stream ({@link #buffers()}) and returned when the stream is read
 * ({@link BufferRecycler#releaseToPool()}).
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
     * A parser reading UTF-8 JSON from {@code input} into {@code inputBuffer} (the caller's, never recycled by the
     * parser), with no encoding detection: it reads nothing until it is asked for a token, so one parser can read
     * root values that arrive one at a time. Where a parse failed is not reported by position, so the parser keeps no
     * reference to the content.
     */
    JsonParser parser(InputStream input, byte[] inputBuffer, BufferRecycler buffers) {
        return new UTF8StreamJsonParser(context(buffers), _parserFeatures, input, _objectCodec,
                _byteSymbolCanonicalizer.makeChild(_factoryFeatures), inputBuffer, 0, 0, false);
    }

    private IOContext context(BufferRecycler buffers) {
        return new IOContext(_streamReadConstraints, _streamWriteConstraints, _errorReportConfiguration, buffers,
                ContentReference.unknown(), true).markBufferRecyclerReleased();
    }
}
