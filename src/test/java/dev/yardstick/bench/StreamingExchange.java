package dev.yardstick.bench;

import dev.yardstick.provider.http.HttpTransport;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** An exchange that is its own body stream: the status and headers it was given, bytes read by the subclass. */
abstract class StreamingExchange extends InputStream implements HttpTransport.Exchange {

    private final int status;
    private final Map<String, List<String>> headers;

    StreamingExchange(int status, Map<String, List<String>> headers) {
        this.status = status;
        this.headers = headers;
    }

    @Override
    public final int status() {
        return status;
    }

    @Override
    public final Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public final InputStream body() {
        return this;
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] buffer, int offset, int length) throws IOException;

    @Override
    public abstract void close();
}
