package dev.yardstick.provider.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 * that was not read to a clean end the parser is dropped ({@link #drop()}) and the next event gets a fresh one. An
 * event whose leading fields are known to need no reading can be fed from a later field on ({@link #nextFrom}). One
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
    /** The current event: where it starts in its array, its length, and the bytes the parser had read before it. */
    private int eventFrom;
    private int eventLength;
    private long eventStart;

    EventParser(EventJson factory, BufferRecycler buffers) {
        this.factory = factory;
        this.buffers = buffers;
    }

    /** @return the stream's parser, before the root value of this event's JSON */
    JsonParser next(byte[] data, int offset, int length) {
        feed.hold(data, offset, offset + length, Feed.NO_LEAD);
        eventFrom = offset;
        eventLength = length;
        return parser();
    }

    /**
     * The event's object without its leading fields: the parser is fed an opening brace and then {@code data} from
     * {@code from} (a field name's opening quote) to {@code end}, as it would read them after the comma before that
     * name. The array is only read.
     *
     * @return the stream's parser, before the root value
     */
    JsonParser nextFrom(byte[] data, int from, int end) {
        feed.hold(data, from, end, '{');
        eventLength = -1;
        return parser();
    }

    private JsonParser parser() {
        if (parser == null) {
            if (input == null) {
                input = buffers.allocByteBuffer(BufferRecycler.BYTE_WRITE_CONCAT_BUFFER, INPUT);
            }
            feed.handed = 0;
            parser = factory.parser(feed, input, buffers);
        }
        // A parser is only fed an event once the last one was read to its end, so this is where the event begins.
        eventStart = feed.handed;
        return parser;
    }

    /**
     * Call when the parser is on a field name of an event fed whole ({@link #next}).
     *
     * @return the index in the event's array of the name's opening quote; -1 when it cannot be told exactly: the
     *     event was longer than the parser reads at once (Jackson's offset of a name is then not kept exact)
     */
    int nameIndex() {
        if (eventLength < 0 || eventLength > INPUT || parser.currentToken() != JsonToken.FIELD_NAME) {
            return -1;
        }
        long at = parser.currentTokenLocation().getByteOffset() - eventStart;
        return at >= 0 && at < eventLength ? eventFrom + (int) at : -1;
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

    /** JSON's white space. */
    static boolean blank(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /**
     * The current event's bytes, after a lead byte when one is given; then the end of input, which inside a value is
     * the parser's EOF error.
     */
    private static final class Feed extends InputStream {
        static final int NO_LEAD = -1;

        private byte[] data;
        private int at;
        private int end;
        private int lead = NO_LEAD;
        /** Bytes handed to the stream's parser since it was made: where the next byte it reads stands. */
        long handed;

        void hold(byte[] data, int from, int to, int lead) {
            this.data = data;
            this.at = from;
            this.end = to;
            this.lead = lead;
        }

        boolean restIsBlank() {
            if (lead != NO_LEAD) {
                return false;
            }
            for (; at < end; at++) {
                if (!blank(data[at])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int read() {
            if (lead != NO_LEAD) {
                int b = lead;
                lead = NO_LEAD;
                handed++;
                return b;
            }
            if (at >= end) {
                return -1;
            }
            handed++;
            return data[at++] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int led = 0;
            if (lead != NO_LEAD) {
                into[offset] = (byte) lead;
                lead = NO_LEAD;
                led = 1;
            } else if (at >= end) {
                return -1;
            }
            int n = Math.min(length - led, end - at);
            System.arraycopy(data, at, into, offset + led, n);
            at += n;
            handed += led + n;
            return led + n;
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
