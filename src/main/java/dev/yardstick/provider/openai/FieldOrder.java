package dev.yardstick.provider.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Arrays;

/**
 * The field names of one kind of object (a chunk, a choice, a delta) in the order the server sent them last: a
 * server writes every chunk alike, so the name at each position is nearly always the one expected there, and
 * Jackson's {@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)} then matches it against
 * the expected name's bytes instead of hashing and looking it up. A different name is read the ordinary way and
 * becomes the expectation at its position. A name returned is the expected name's own String or Jackson's interned
 * one, equal by content either way. One instance per kind per stream.
 */
final class FieldOrder {

    /** Positions learned; later fields are read the ordinary way (no server sends chunks this wide). */
    private static final int MAX_KNOWN = 16;

    private SerializedString[] expected;
    private boolean own;
    private int position;

    /** @param likely the names in the order most servers send them (OpenAI's); shared, copied on the first change */
    FieldOrder(SerializedString[] likely) {
        this.expected = likely;
    }

    static SerializedString[] names(String... names) {
        SerializedString[] out = new SerializedString[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = new SerializedString(names[i]);
            out[i].asQuotedUTF8(); // computed here, before the array is shared between threads
        }
        return out;
    }

    /** Call when the parser is at the object's START_OBJECT. */
    FieldOrder start() {
        position = 0;
        return this;
    }

    /** @return the next field's name, the parser on it; null at the end of the object */
    String next(JsonParser json) throws IOException {
        int at = position++;
        if (at < expected.length && expected[at] != null) {
            SerializedString name = expected[at];
            if (json.nextFieldName(name)) {
                return name.getValue();
            }
            if (json.currentToken() != JsonToken.FIELD_NAME) {
                return null;
            }
        } else if (json.nextToken() != JsonToken.FIELD_NAME) {
            return null;
        }
        String name = json.currentName();
        learn(at, name);
        return name;
    }

    private void learn(int at, String name) {
        if (at >= MAX_KNOWN) {
            return;
        }
        if (!own || at >= expected.length) {
            expected = Arrays.copyOf(expected, Math.max(expected.length, at + 1));
            own = true;
        }
        expected[at] = new SerializedString(name);
    }
}
