package dev.yardstick.provider.http;

import dev.langchain4j.http.client.FormDataFile;
import dev.langchain4j.http.client.HttpRequest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Turns langchain4j's request into bytes for the wire: a UTF-8 body, or multipart/form-data for file uploads. */
final class RequestEncoder {

    private static final String CRLF = "\r\n";

    private RequestEncoder() {
    }

    static HttpTransport.Request encode(HttpRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach((name, values) -> {
            if (values != null && !values.isEmpty()) {
                headers.put(name, List.copyOf(values));
            }
        });
        byte[] body;
        if (request.formDataFields().isEmpty() && request.formDataFiles().isEmpty()) {
            body = request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8);
        } else {
            // A random boundary: a fixed one could occur inside an uploaded file and cut it short.
            String boundary = "yardstick-" + UUID.randomUUID();
            body = multipart(boundary, request.formDataFields(), request.formDataFiles());
            headers.put("Content-Type", List.of("multipart/form-data; boundary=" + boundary));
        }
        return new HttpTransport.Request(request.method().name(), URI.create(request.url()), headers, body);
    }

    private static byte[] multipart(String boundary, Map<String, String> fields, Map<String, FormDataFile> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            write(out, "--" + boundary + CRLF + "Content-Disposition: form-data; name=\"" + name + "\"" + CRLF + CRLF);
            write(out, value + CRLF);
        });
        files.forEach((name, file) -> {
            List<String> head = new ArrayList<>();
            head.add("--" + boundary);
            head.add("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + file.fileName() + "\"");
            if (file.contentType() != null && !file.contentType().isBlank()) {
                head.add("Content-Type: " + file.contentType());
            }
            write(out, String.join(CRLF, head) + CRLF + CRLF);
            out.writeBytes(file.content());
            write(out, CRLF);
        });
        write(out, "--" + boundary + "--" + CRLF);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
