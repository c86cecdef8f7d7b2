package dev.yardstick.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;

/**
 * An undefined figure (NaN: no requests, an empty window) or an infinite one is written as JSON {@code null}, never
 * as Jackson's default string {@code "NaN"}, so every number field stays a number or null for jq and typed readers.
 * Read back, {@code null} in a {@code double} field is NaN again (an absent one stays 0, Jackson's default), and the
 * strings of older reports still read as before.
 */
final class NonFiniteNumbers {

    private NonFiniteNumbers() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("non-finite-numbers");
        module.addSerializer(Double.class, new AsNull());
        module.addSerializer(double.class, new AsNull());
        module.addDeserializer(double.class, new NullAsNaN());
        return module;
    }

    private static final class AsNull extends StdScalarSerializer<Double> {
        AsNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }

    private static final class NullAsNaN extends StdScalarDeserializer<Double> {
        NullAsNaN() {
            super(Double.TYPE);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return _parseDoublePrimitive(p, ctxt);
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return 0.0;
        }
    }
}
