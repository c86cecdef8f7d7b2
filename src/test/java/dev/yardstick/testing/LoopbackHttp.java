package dev.yardstick.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** A JDK HTTP server on a free loopback port, one virtual thread per request, every path to one handler. */
final class LoopbackHttp {

    private LoopbackHttp() {
    }

    static HttpServer serve(HttpHandler handler) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/", handler);
        http.start();
        return http;
    }
}
