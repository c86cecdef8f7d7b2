package dev.yardstick.provider.http;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestEncoderTest {

    @Test
    void jsonBodyIsUtf8AndHeadersAreKept() {
        HttpTransport.Request wire = RequestEncoder.encode(HttpRequest.builder()
                .method(HttpMethod.POST).url("http://127.0.0.1:1/v1/chat")
                .addHeader("Content-Type", "application/json").addQueryParam("api-version", "2024")
                .body("{\"q\":\"héllo\"}").build());

        assertEquals("POST", wire.method());
        assertEquals("/v1/chat", wire.uri().getPath());
        assertEquals("api-version=2024", wire.uri().getQuery());
        assertEquals(List.of("application/json"), wire.headers().get("content-type"));
        assertArrayEquals("{\"q\":\"héllo\"}".getBytes(StandardCharsets.UTF_8), wire.body());
    }

    @Test
    void aRequestWithoutBodyHasNone() {
        HttpTransport.Request wire = RequestEncoder.encode(HttpRequest.builder()
                .method(HttpMethod.GET).url("http://127.0.0.1:1/v1/models").build());

        assertNull(wire.body());
    }

    @Test
    void formDataBecomesMultipartWithItsOwnBoundary() {
        HttpTransport.Request wire = RequestEncoder.encode(HttpRequest.builder()
                .method(HttpMethod.POST).url("http://127.0.0.1:1/v1/audio")
                .addFormDataField("model", "whisper-1")
                .addFormDataFile("file", "a.wav", "audio/wav", new byte[] {1, 2, 3}).build());

        String contentType = wire.headers().get("Content-Type").get(0);
        assertTrue(contentType.startsWith("multipart/form-data; boundary="), contentType);
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        String body = new String(wire.body(), StandardCharsets.ISO_8859_1);
        assertEquals("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"model\"\r\n\r\n"
                + "whisper-1\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n"
                + "\u0001\u0002\u0003\r\n"
                + "--" + boundary + "--\r\n", body);
    }
}
