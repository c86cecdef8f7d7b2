package dev.yardstick.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Field names read by expected position give the same fields, whatever order each object really has. */
class FieldOrderTest {

    private static final EventJson JSON = new EventJson();
    private static final FieldOrder.Names<String> ABC = new FieldOrder.Names<>(Map.of("a", "A", "b", "B", "c", "C"),
            "other", "a", "b", "c");

    /** Each field as name:field=value, the objects read one after the other by one stream's parser. */
    private static List<String> fields(FieldOrder<String> order, EventParser parser, String object) throws IOException {
        byte[] bytes = object.getBytes(StandardCharsets.UTF_8);
        List<String> fields = new ArrayList<>();
        JsonParser json = parser.next(bytes, 0, bytes.length);
        assertEquals(JsonToken.START_OBJECT, json.nextToken());
        FieldOrder<String> reading = order.start();
        String field;
        while ((field = reading.next(json)) != null) {
            String name = json.currentName();
            fields.add(name + ":" + field + "=" + (json.nextToken() == JsonToken.START_OBJECT ? "{}" : json.getText()));
            json.skipChildren();
        }
        assertEquals(JsonToken.END_OBJECT, json.currentToken());
        assertTrue(parser.restIsBlank());
        return fields;
    }

    @Test
    void namesInAnyOrderAreReadAsTheyAre() throws IOException {
        FieldOrder<String> order = new FieldOrder<>(ABC);
        BufferRecycler buffers = JSON.buffers();
        try (EventParser parser = new EventParser(JSON, buffers)) {
            assertEquals(List.of("a:A=1", "b:B=2", "c:C=3"), fields(order, parser, "{\"a\":1,\"b\":2,\"c\":3}"));
            assertEquals(List.of("c:C=3", "a:A=1"), fields(order, parser, "{\"c\":3,\"a\":1}"));
            assertEquals(List.of("c:C=3", "a:A=1", "b:B=2", "d:other={}", "é:other=5"),
                    fields(order, parser, "{\"c\":3,\"a\":1,\"b\":2,\"d\":{\"x\":[1]},\"é\":5}"));
            assertEquals(List.of("x:other=0", "a:A=1", "b:B=2", "c:C=3"),
                    fields(order, parser, "{\"x\":0,\"a\":1,\"b\":2,\"c\":3}"));
            assertEquals(List.of(), fields(order, parser, "{}"));
            assertEquals(List.of("b:B=2"), fields(order, parser, "{ \"b\" : 2 }"));
            assertEquals(List.of("a:A=1", "b:B=2", "c:C=3"), fields(new FieldOrder<>(ABC), parser,
                    "{\"a\":1,\"b\":2,\"c\":3}"), "what one stream learned is its own");
        } finally {
            buffers.releaseToPool();
        }
    }

    @Test
    void objectsWiderThanWhatIsLearnedAreReadWhole() throws IOException {
        StringBuilder object = new StringBuilder("{");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            object.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
            expected.add("f" + i + ":" + (i == 39 ? "last" : "other") + "=" + i);
        }
        FieldOrder<String> order = new FieldOrder<>(new FieldOrder.Names<>(Map.of("f39", "last"), "other", "f0"));
        BufferRecycler buffers = JSON.buffers();
        try (EventParser parser = new EventParser(JSON, buffers)) {
            for (int round = 0; round < 3; round++) {
                assertEquals(expected, fields(order, parser, object + "}"));
            }
        } finally {
            buffers.releaseToPool();
        }
    }
}
