package dev.yardstick.provider.local;

import dev.yardstick.provider.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Fetches one model file into a folder: into a temporary file beside the target, checked against its sha256, then
 * moved into place atomically. A partial or corrupt download therefore never sits under the final name, and two
 * processes downloading at once each move a complete file.
 */
final class ModelDownload {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final Duration timeout;

    ModelDownload(Duration timeout) {
        // Hugging Face answers with a redirect to its CDN.
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
    }

    /**
     * Downloads {@code source} to {@code target}.
     *
     * @throws IOException       the network failed or the server did not answer 200
     * @throws ProviderException the bytes arrived but their sha256 is not the expected one (nothing is kept)
     */
    Path fetch(URI source, Path target, String expectedSha256) throws IOException, InterruptedException {
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
        try {
            String actual = downloadTo(source, part);
            if (!actual.equalsIgnoreCase(expectedSha256)) {
                throw new ProviderException("the file downloaded from " + source + " has sha256 " + actual
                        + " but " + target.getFileName() + " must have sha256 " + expectedSha256
                        + "; nothing was kept: try again, or put the right file at " + target);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Streams the body into {@code file}, hashing on the way; returns the sha256 in lower-case hex. */
    private String downloadTo(URI source, Path file) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(source).timeout(timeout).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            MessageDigest sha256 = sha256();
            try (DigestInputStream in = new DigestInputStream(body, sha256)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return HexFormat.of().formatHex(sha256.digest());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
