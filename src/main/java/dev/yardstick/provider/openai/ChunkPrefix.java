package dev.yardstick.provider.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.IOException;
import java.util.Arrays;

/**
 * The leading bytes of the stream's last chunk, up to the first field that must be read in every chunk: a server
 * writes every chunk with the same leading fields byte for byte ({@code {"id":…,"object":…,"created":…,"model":…,}
 * before {@code "choices"}), and those fields are the stream's metadata, which is kept from the first chunk that
 * has it, or fields that are skipped. A chunk that begins with the same bytes, up to and including the opening
 * quote of that field's name, therefore has nothing in them that could change what is read, and it can be read from
 * that name on, as the parser would after the comma before it. A stream whose chunks keep beginning otherwise (a
 * server that changes a leading field in every chunk) stops being learnt from: every chunk is then read whole, as it
 * would be anyway. One instance per stream, used on the reading thread; the prefix is kept in a buffer borrowed from
 * the stream's Jackson buffers, given back by {@link #close()}.
 */
final class ChunkPrefix implements AutoCloseable {

    /** Jackson's parsers never use this kind of buffer unless asked for binary values, which are not read here. */
    private static final int BUFFER = BufferRecycler.BYTE_BASE64_CODEC_BUFFER;

    /** Chunks in a row that did not begin with the learnt prefix, after which no prefix is learnt any more. */
    private static final int MAX_MISSES = 8;

    private final BufferRecycler buffers;
    /** The learnt prefix in {@code [0, length)}: the bytes up to the boundary name's opening quote, which ends it. */
    private byte[] bytes;
    private int length;
    /** The boundary field's position among the chunk's fields. */
    private int position;
    /** In a chunk read whole: its boundary name's opening quote (-1: none yet), the name and its position. */
    private int quote = -1;
    private String name;
    private int quotePosition;
    private int misses;

    ChunkPrefix(BufferRecycler buffers) {
        this.buffers = buffers;
    }

    /**
     * @return the index in {@code data} of the boundary name's opening quote when the chunk in
     *     {@code [offset, offset + length)} begins with the learnt prefix and goes on after it, else -1 (the chunk is
     *     then read whole, and may teach its own prefix: {@link #boundary}, {@link #learn})
     */
    int restOf(byte[] data, int offset, int length) {
        quote = -1;
        int n = this.length;
        if (n == 0) {
            return -1;
        }
        if (length <= n || !Arrays.equals(data, offset, offset + n, bytes, 0, n)) {
            misses++;
            return -1;
        }
        misses = 0;
        return offset + n - 1;
    }

    /** The position, among the chunk's fields, of the field whose name starts where {@link #restOf} says. */
    int position() {
        return position;
    }

    /**
     * Call, while a chunk is read whole, when the parser is on the name of the chunk's first field read in every
     * chunk.
     *
     * @param position that field's position among the chunk's fields
     */
    void boundary(int position, EventParser parser, JsonParser json) throws IOException {
        if (position > 0 && misses < MAX_MISSES) {
            quote = parser.nameIndex();
            name = json.currentName();
            quotePosition = position;
        }
    }

    /**
     * Learns the prefix of a chunk that was read whole and found sound, when the bytes at its {@link #boundary} are
     * what the parser reported: the name in quotes, preceded by a comma and white space only. Anything else (no such
     * field, or first; an escaped name; an offset that could not be told) forgets what was learnt.
     */
    void learn(byte[] data, int offset, int end) {
        if (quote <= offset || !isName(data, quote, end, name) || !commaBefore(data, offset, quote)) {
            forget();
            return;
        }
        int n = quote + 1 - offset;
        if (bytes == null) {
            bytes = buffers.allocByteBuffer(BUFFER);
        }
        if (bytes.length < n) { // not met: a chunk longer than the parser reads at once teaches nothing
            forget();
            return;
        }
        System.arraycopy(data, offset, bytes, 0, n);
        this.length = n;
        this.position = quotePosition;
    }

    void forget() {
        length = 0;
    }

    @Override
    public void close() {
        forget();
        if (bytes != null) {
            buffers.releaseByteBuffer(BUFFER, bytes);
            bytes = null;
        }
    }

    /** The name's characters are ASCII (those of the fields read in every chunk), so each is one byte. */
    private static boolean isName(byte[] data, int quote, int end, String name) {
        int close = quote + 1 + name.length();
        if (close >= end || data[quote] != '"' || data[close] != '"') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (data[quote + 1 + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean commaBefore(byte[] data, int offset, int quote) {
        int i = quote - 1;
        while (i > offset && EventParser.blank(data[i])) {
            i--;
        }
        return data[i] == ',';
    }
}
