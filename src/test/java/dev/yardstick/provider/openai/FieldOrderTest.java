package dev.yardstick.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field names read by expected position give the same names, whatever order each object really has. */
class FieldOrderTest {

    private static final EventJson JSON = new EventJson();

    private static List<String> names(FieldOrder order, String object, BufferRecycler buffers) throws IOException {
        byte[] bytes = object.getBytes(StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        try (JsonParser json = JSON.parser(bytes, 0, bytes.length, buffers)) {
            assertEquals(JsonToken.START_OBJECT, json.nextToken());
            FieldOrder fields = order.start();
            String name;
            while ((name = fields.next(json)) != null) {
                names.add(name + "=" + (json.nextToken() == JsonToken.START_OBJECT ? "{}" : json.getText()));
                json.skipChildren();
            }
            assertEquals(JsonToken.END_OBJECT, json.currentToken());
        }
        return names;
    }

    @Test
    void namesInAnyOrderAreReadAsTheyAre() throws IOException {
        SerializedString[] likely = FieldOrder.names("a", "b", "c");
        FieldOrder order = new FieldOrder(likely);
        BufferRecycler buffers = JSON.buffers();
        try {
            assertEquals(List.of("a=1", "b=2", "c=3"), names(order, "{\"a\":1,\"b\":2,\"c\":3}", buffers));
            assertEquals(List.of("c=3", "a=1"), names(order, "{\"c\":3,\"a\":1}", buffers));
            assertEquals(List.of("c=3", "a=1", "b=2", "d={}", "é=5"),
                    names(order, "{\"c\":3,\"a\":1,\"b\":2,\"d\":{\"x\":[1]},\"é\":5}", buffers));
            assertEquals(List.of(), names(order, "{}", buffers));
            assertEquals(List.of("b=2"), names(order, "{ \"b\" : 2 }", buffers));
            assertEquals(List.of("a=1", "b=2", "c=3"), names(new FieldOrder(likely), "{\"a\":1,\"b\":2,\"c\":3}",
                    buffers), "what one stream learned is its own");
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
            expected.add("f" + i + "=" + i);
        }
        FieldOrder order = new FieldOrder(FieldOrder.names("f0"));
        BufferRecycler buffers = JSON.buffers();
        try {
            for (int round = 0; round < 3; round++) {
                assertEquals(expected, names(order, object + "}", buffers));
            }
        } finally {
            buffers.releaseToPool();
        }
    }
}
