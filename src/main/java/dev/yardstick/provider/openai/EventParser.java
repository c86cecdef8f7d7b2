package dev.yardstick.provider.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One Jackson parser for all the events of a stream, each event's JSON read as the next root value: a parser per
 * event cost its object, its I/O context, its read contexts and its name table's child at every event, most of
 * what was allocated per answer (bench/README.md). The parser reads from a feed that holds only the current event,
 * so JSON that is cut short meets the end of its input and fails as it would alone; bytes after the root value other
 * than white space are reported ({@link #restIsBlank()}) instead of being joined to the next event. After an event
 * that was not read to a clean end the parser is dropped ({@link #drop()}) and the next event gets a fresh one. One
 * instance per stream, used on the reading thread.
 */
final class EventParser implements AutoCloseable {

    /** Parser input buffer size: an OpenAI chunk is a few hundred bytes; a longer event is read in pieces. */
    private static final int INPUT = 2000;

    private final EventJson factory;
    private final BufferRecycler buffers;
    private final Feed feed = new Feed();
    private final BlankCheck blank = new BlankCheck();
    private byte[] input;
    private JsonParser parser;

    EventParser(EventJson factory, BufferRecycler buffers) {
        this.factory = factory;
        this.buffers = buffers;
    }

    /** @return the stream's parser, before the root value of this event's JSON */
    JsonParser next(byte[] data, int offset, int length) {
        feed.hold(data, offset, offset + length);
        if (parser == null) {
            if (input == null) {
                input = buffers.allocByteBuffer(BufferRecycler.BYTE_WRITE_CONCAT_BUFFER, INPUT);
            }
            parser = factory.parser(feed, input, buffers);
        }
        return parser;
    }

    /**
     * Call when the parser has read the event's root value to its end.
     *
     * @return whether all that followed it in the event was white space (the parser is then ready for the next)
     */
    boolean restIsBlank() throws IOException {
        blank.blank = true;
        parser.releaseBuffered(blank);
        return blank.blank && feed.restIsBlank();
    }

    /** After an event that failed or was left part read: the next event gets a fresh parser. */
    void drop() {
        JsonParser spent = parser;
        parser = null;
        if (spent != null) {
            try {
                spent.close();
            } catch (IOException e) {
                // the feed holds no resource; closing only returns the parser's buffers
            }
        }
    }

    @Override
    public void close() {
        drop();
        if (input != null) {
            buffers.releaseByteBuffer(BufferRecycler.BYTE_WRITE_CONCAT_BUFFER, input);
            input = null;
        }
    }

    private static boolean blank(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** The current event's bytes; then the end of input, which inside a value is the parser's EOF error. */
    private static final class Feed extends InputStream {
        private byte[] data;
        private int at;
        private int end;

        void hold(byte[] data, int from, int to) {
            this.data = data;
            this.at = from;
            this.end = to;
        }

        boolean restIsBlank() {
            for (; at < end; at++) {
                if (!blank(data[at])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int read() {
            return at < end ? data[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (at >= end) {
                return -1;
            }
            int n = Math.min(length, end - at);
            System.arraycopy(data, at, into, offset, n);
            at += n;
            return n;
        }
    }

    /** Receives what the parser had read ahead past the root value, and notes whether it was all white space. */
    private static final class BlankCheck extends OutputStream {
        boolean blank;

        @Override
        public void write(int b) {
            blank &= blank((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length && blank; i++) {
                blank = blank(bytes[i]);
            }
        }
    }
}
