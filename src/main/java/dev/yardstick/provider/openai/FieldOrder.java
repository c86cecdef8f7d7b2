package dev.yardstick.provider.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The field names of one kind of object (a chunk, a choice, a delta) in the order the server sent them last: a
 * server writes every chunk alike, so the name at each position is nearly always the one expected there, and
 * Jackson's {@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)} then matches it against
 * the expected name's bytes instead of hashing and looking it up. What is returned is the name's field, known with
 * the expectation, so the reader switches on a constant rather than hashing the name again. A different name is read
 * the ordinary way, looked up once and becomes the expectation at its position. One instance per kind per stream.
 *
 * @param <F> the reader's fields (an enum), one of them standing for every name the reader skips
 */
final class FieldOrder<F> {

    /** Positions learned; later fields are read the ordinary way (no server sends chunks this wide). */
    private static final int MAX_KNOWN = 16;

    private final Names<F> names;
    private SerializedString[] expected;
    private Object[] fields;
    private boolean own;
    private int position;

    FieldOrder(Names<F> names) {
        this.names = names;
        this.expected = names.likely;
        this.fields = names.likelyFields;
    }

    /** Call when the parser is at the object's START_OBJECT. */
    FieldOrder<F> start() {
        return start(0);
    }

    /** Call when the parser is at the object's START_OBJECT and its first field is the one at {@code position}. */
    FieldOrder<F> start(int position) {
        this.position = position;
        return this;
    }

    /** @return the position of the field {@link #next} returned last */
    int position() {
        return position - 1;
    }

    /** @return the next field's field, the parser on its name; null at the end of the object */
    @SuppressWarnings("unchecked")
    F next(JsonParser json) throws IOException {
        int at = position++;
        if (at < expected.length && expected[at] != null) {
            if (json.nextFieldName(expected[at])) {
                return (F) fields[at];
            }
            if (json.currentToken() != JsonToken.FIELD_NAME) {
                return null;
            }
        } else if (json.nextToken() != JsonToken.FIELD_NAME) {
            return null;
        }
        String name = json.currentName();
        F field = names.fieldOf(name);
        learn(at, name, field);
        return field;
    }

    private void learn(int at, String name, F field) {
        if (at >= MAX_KNOWN) {
            return;
        }
        if (!own || at >= expected.length) {
            int length = Math.max(expected.length, at + 1);
            expected = Arrays.copyOf(expected, length);
            fields = Arrays.copyOf(fields, length);
            own = true;
        }
        expected[at] = names.expectation(name);
        fields[at] = field;
    }

    /**
     * What a reader knows of one kind of object, shared by all streams: the field of each name it reads, the field
     * of every other name, and the names in the order most servers send them (OpenAI's), the first expectation.
     */
    static final class Names<F> {
        /** Names learnt by any stream kept for the next ones; a server that makes up names gets no more. */
        private static final int MAX_SHARED = 64;

        private final Map<String, F> read;
        private final Map<String, SerializedString> learnt = new ConcurrentHashMap<>();
        private final F other;
        private final SerializedString[] likely;
        private final Object[] likelyFields;

        Names(Map<String, F> read, F other, String... likely) {
            this.read = Map.copyOf(read);
            this.other = other;
            this.likely = new SerializedString[likely.length];
            this.likelyFields = new Object[likely.length];
            for (int i = 0; i < likely.length; i++) {
                this.likely[i] = expectation(likely[i]);
                this.likelyFields[i] = fieldOf(likely[i]);
            }
        }

        F fieldOf(String name) {
            return read.getOrDefault(name, other);
        }

        /** The name as an expectation, its bytes encoded once for all the streams that meet it. */
        SerializedString expectation(String name) {
            SerializedString known = learnt.get(name);
            if (known == null) {
                known = new SerializedString(name);
                known.asQuotedUTF8(); // computed before it is shared between threads
                if (learnt.size() < MAX_SHARED) {
                    learnt.putIfAbsent(name, known);
                }
            }
            return known;
        }
    }
}
