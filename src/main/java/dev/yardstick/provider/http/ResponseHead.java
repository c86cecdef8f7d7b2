package dev.yardstick.provider.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of an HTTP/1.1 response head, shared by the blocking and the event-loop transports: the status line, the
 * header lines, and how the body that follows is delimited (RFC 9112 §6.3) and whether the connection may be reused.
 */
final class ResponseHead {

    /** A status line or header longer than this is not an HTTP server talking. */
    static final int MAX_HEAD_LINE = 64 * 1024;
    static final int MAX_HEADERS = 256;
    /** {@link #length}'s value for a body that ends with the connection. */
    static final long UNTIL_CLOSE = Long.MAX_VALUE;

    final int status;
    final boolean http10;
    final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private int count;
    boolean chunked;
    /** The body's length when neither chunked nor close-delimited; {@link #UNTIL_CLOSE} when close-delimited. */
    long length;
    boolean reusable;

    /** @throws IOException when the line is not an HTTP/1.x status line */
    ResponseHead(String statusLine) throws IOException {
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new IOException("not an HTTP/1.1 response: " + cut(statusLine));
        }
        try {
            this.status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP/1.1 response: " + cut(statusLine), e);
        }
        this.http10 = statusLine.startsWith("HTTP/1.0");
    }

    /** A 1xx answer precedes the real one (101 excepted: the protocol switches). */
    boolean informational() {
        return status < 200 && status != 101;
    }

    /** One header line, without its line end. */
    void header(String line) throws IOException {
        if (++count > MAX_HEADERS) {
            throw new IOException("more than " + MAX_HEADERS + " response headers");
        }
        int colon = line.indexOf(':');
        if (colon > 0) {
            headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>(1))
                    .add(line.substring(colon + 1).trim());
        }
    }

    /** The blank line came: decides how the body is delimited. */
    ResponseHead framed() throws IOException {
        List<String> encoding = headers.get("Transfer-Encoding");
        chunked = encoding != null && encoding.get(encoding.size() - 1).toLowerCase().endsWith("chunked");
        List<String> contentLength = headers.get("Content-Length");
        boolean bodiless = status == 204 || status == 304;
        try {
            length = chunked || bodiless ? 0 : contentLength == null ? UNTIL_CLOSE
                    : Long.parseLong(contentLength.get(0).trim());
        } catch (NumberFormatException e) {
            throw new IOException("a Content-Length that is not a number: " + cut(contentLength.get(0)), e);
        }
        List<String> connection = headers.get("Connection");
        boolean close = connection != null && connection.get(0).equalsIgnoreCase("close");
        reusable = length != UNTIL_CLOSE && !close && !http10;
        return this;
    }

    /** A chunk's size line: its size, 0 for the last chunk. */
    static long chunkSize(String line) throws IOException {
        int semicolon = line.indexOf(';');
        long size;
        try {
            size = Long.parseLong((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("a chunk size that is not a number: " + cut(line), e);
        }
        if (size < 0) {
            throw new IOException("a negative chunk size: " + cut(line));
        }
        return size;
    }

    static String cut(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
