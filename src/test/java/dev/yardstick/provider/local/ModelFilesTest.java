package dev.yardstick.provider.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.yardstick.config.InputException;
import dev.yardstick.provider.ProviderException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private final AtomicInteger downloads = new AtomicInteger();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void searchPathOrderIsEnvThenSharedThenBesideTheJarThenCache() {
        Path work = tmp.resolve("checkout");
        Path jar = tmp.resolve("install/yardstick/target/yardstick.jar");
        Path cache = ModelFiles.cacheDir(Map.of("XDG_CACHE_HOME", tmp.resolve("xdg").toString()), tmp);
        List<Path> path = ModelFiles.searchPath(Map.of(ModelFiles.MODELS_ENV, tmp.resolve("mine").toString()), work,
                Optional.of(jar), cache);
        assertEquals(List.of(tmp.resolve("mine"), tmp.resolve("shared/models"),
                tmp.resolve("install/shared/models"), tmp.resolve("xdg/yardstick/models")), path);
    }

    @Test
    void cacheIsUnderXdgOrElseHome() {
        assertEquals(tmp.resolve("home/.cache/yardstick/models"), ModelFiles.cacheDir(Map.of(), tmp.resolve("home")));
        assertEquals(tmp.resolve("x/yardstick/models"),
                ModelFiles.cacheDir(Map.of("XDG_CACHE_HOME", tmp.resolve("x").toString()), tmp.resolve("home")));
    }

    @Test
    void theSameFolderReachedTwiceIsSearchedOnce() {
        Path work = tmp.resolve("repo");
        List<Path> path = ModelFiles.searchPath(Map.of(), work, Optional.of(work.resolve("target/classes")),
                tmp.resolve("cache"));
        assertEquals(List.of(tmp.resolve("shared/models"), tmp.resolve("cache")), path);
    }

    @Test
    void anEarlierFolderWinsAndNamesMatchWhateverTheirCase() throws IOException {
        Path first = Files.createDirectories(tmp.resolve("first"));
        Path second = Files.createDirectories(tmp.resolve("second"));
        touch(second.resolve("stories260K.gguf"));
        touch(second.resolve("tiny.gguf"));
        ModelFiles files = files(List.of(first, second));
        assertEquals(Optional.of(second.resolve("stories260K.gguf")), files.find("stories260k"));
        touch(first.resolve("STORIES260K.GGUF"));
        assertEquals(Optional.of(first.resolve("STORIES260K.GGUF")), files.find("stories260k"));
        assertEquals(Optional.of(second.resolve("tiny.gguf")), files.find("tiny"));
        assertEquals(Optional.of(second.resolve("tiny.gguf")), files.find("Tiny"));
    }

    @Test
    void anExplicitPathWinsOverTheSearchPath() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("models"));
        touch(dir.resolve("tiny.gguf"));
        Path own = touch(Files.createDirectories(tmp.resolve("work/mine")).resolve("tiny.gguf"));
        ModelFiles files = files(List.of(dir));
        assertEquals(Optional.of(own), files.find("mine/tiny.gguf"), "relative to the working directory first");
        assertEquals(Optional.of(dir.resolve("tiny.gguf")), files.find("tiny.gguf"), "then in the search path");
        assertEquals(Optional.of(dir.resolve("tiny.gguf")), files.find(dir.resolve("tiny.gguf").toString()));
        assertEquals(Optional.empty(), files.find(tmp.resolve("nowhere/tiny.gguf").toString()));
    }

    @Test
    void aMissingFileSaysWhereItLooked() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("models"));
        InputException e = assertThrows(InputException.class, () -> files(List.of(dir)).resolve("llama-3-8b"));
        assertTrue(e.getMessage().contains("local/llama-3-8b not found"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(ModelFiles.MODELS_ENV), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(0, downloads.get(), "only the default model is ever downloaded");
    }

    @Test
    void theDefaultModelIsDownloadedOnceIntoTheCacheAndChecked() throws Exception {
        byte[] real = Files.readAllBytes(TestModels.stories());
        Path cache = tmp.resolve("cache");
        ModelFiles files = new ModelFiles(tmp.resolve("work"), List.of(tmp.resolve("empty"), cache), cache,
                serve(real));
        assertEquals(Optional.empty(), files.find("stories260k"));

        Path got = files.resolve("stories260k");

        assertEquals(cache.resolve(ModelFiles.DEFAULT_FILE), got);
        assertArrayEquals(real, Files.readAllBytes(got));
        assertEquals(got, files.resolve("stories260k"));
        assertEquals(1, downloads.get(), "the second open finds the cached file");
        assertEquals(List.of(got), list(cache), "no temporary file left behind");
    }

    @Test
    void aDownloadWithTheWrongHashIsDeletedAndNamesBothHashes() throws Exception {
        byte[] corrupt = Files.readAllBytes(TestModels.stories());
        corrupt[corrupt.length / 2] ^= 1;
        Path cache = tmp.resolve("cache");
        ModelFiles files = new ModelFiles(tmp.resolve("work"), List.of(cache), cache, serve(corrupt));

        ProviderException e = assertThrows(ProviderException.class, () -> files.resolve("stories260k"));

        assertTrue(e.getMessage().contains(ModelFiles.DEFAULT_SHA256), e.getMessage());
        assertTrue(e.getMessage().matches(".*has sha256 [0-9a-f]{64} but.*"), e.getMessage());
        assertEquals(List.of(), list(cache), "neither the file nor a temporary one is kept");
    }

    @Test
    void offlineTheErrorSaysWhatToDoInOneLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path cache = tmp.resolve("cache");
        ModelFiles files = new ModelFiles(tmp.resolve("work"), List.of(cache), cache,
                URI.create("http://127.0.0.1:" + closedPort + "/stories260K.gguf"));

        InputException e = assertThrows(InputException.class, () -> files.resolve("stories260k"));

        String message = e.getMessage();
        assertTrue(message.startsWith("stories260K.gguf not found and the download from"), message);
        assertTrue(message.contains("put the file at " + cache.resolve(ModelFiles.DEFAULT_FILE)), message);
        assertTrue(message.contains("set YARDSTICK_MODELS"), message);
        assertTrue(message.contains("sha256 " + ModelFiles.DEFAULT_SHA256), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void offlineByChoiceNothingIsDownloaded() throws IOException {
        assertEquals(ModelFiles.DEFAULT_URL, ModelFiles.downloadUrl(Map.of()));
        assertEquals(ModelFiles.DEFAULT_URL, ModelFiles.downloadUrl(Map.of(ModelFiles.OFFLINE_ENV, "false")));
        assertNull(ModelFiles.downloadUrl(Map.of(ModelFiles.OFFLINE_ENV, "1")));

        Path cache = tmp.resolve("cache");
        ModelFiles files = new ModelFiles(tmp.resolve("work"), List.of(cache), cache, null);
        InputException e = assertThrows(InputException.class, () -> files.resolve("stories260k"));
        assertTrue(e.getMessage().startsWith("stories260K.gguf not found and YARDSTICK_OFFLINE forbids downloading "
                + "it: put the file at " + cache.resolve(ModelFiles.DEFAULT_FILE)), e.getMessage());
        assertEquals(List.of(), list(cache));
    }

    @Test
    void aServerErrorIsAFailedDownload() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        Path cache = tmp.resolve("cache");
        ModelFiles files = new ModelFiles(tmp.resolve("work"), List.of(cache), cache,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gone"));
        InputException e = assertThrows(InputException.class, () -> files.resolve("stories260k"));
        assertTrue(e.getMessage().contains("(HTTP 404; no network?)"), e.getMessage());
        assertEquals(List.of(), list(cache));
    }

    private ModelFiles files(List<Path> searchPath) {
        return new ModelFiles(tmp.resolve("work"), searchPath, tmp.resolve("cache"),
                URI.create("http://127.0.0.1:9/never-called"));
    }

    /** A loopback server that answers every GET with these bytes; counts the downloads. */
    private URI serve(byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            downloads.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stories260K.gguf");
    }

    private static Path touch(Path file) throws IOException {
        return Files.write(file, new byte[] {1});
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
