package dev.yardstick.cache;

import dev.yardstick.config.ModelSpec;
import dev.yardstick.engine.PlannedRequest;
import dev.yardstick.engine.RequestMiddleware;
import dev.yardstick.engine.Sample;
import dev.yardstick.export.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Answers a request from disk when the same request (see {@link CacheKey}) was answered before, and stores every
 * successful live answer the {@link CacheMode} allows; everything else goes on to {@code next} (retries, faults).
 * One file per answer, written to a temporary file and moved into place, so a reader never sees half of one; a
 * file that cannot be read or does not answer its key is a miss, and the live answer replaces it. Failed requests
 * and warm-ups are never stored.
 */
public final class ResponseCache implements RequestMiddleware {

    private final Path dir;
    private final CacheMode mode;
    private final Map<String, ModelSpec> specs;
    private final RequestMiddleware next;
    private final CacheTally tally;

    /** @param specs each model's spec by its label: what it is and its parameters, for the key */
    public ResponseCache(Path dir, CacheTally tally, Map<String, ModelSpec> specs, RequestMiddleware next) {
        this.dir = dir;
        this.mode = tally.mode();
        this.tally = tally;
        this.specs = Map.copyOf(specs);
        this.next = next;
    }

    @Override
    public Sample handle(PlannedRequest request, Tries tries) {
        ModelSpec spec = specs.get(request.model());
        if (request.warmup() || spec == null || !mode.caches(CacheKey.effective(spec, request))) {
            if (!request.warmup()) {
                tally.notCacheable.increment();
            }
            return next.handle(request, tries);
        }
        CacheKey key = CacheKey.of(spec, request);
        Path file = fileOf(key);
        CachedAnswer found = read(file, key);
        if (found != null) {
            tally.hits.increment();
            return found.toSample(request);
        }
        tally.misses.increment();
        Sample live = next.handle(request, tries);
        if (live.ok() && write(file, CachedAnswer.of(key, live))) {
            tally.stored.increment();
        }
        return live;
    }

    private Path fileOf(CacheKey key) {
        return dir.resolve(key.digest().substring(0, 2)).resolve(key.digest() + ".json");
    }

    private static CachedAnswer read(Path file, CacheKey key) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            CachedAnswer answer = Json.mapper().readValue(file.toFile(), CachedAnswer.class);
            return answer != null && key.material().equals(answer.key()) && answer.text() != null
                    && answer.tokens() != null ? answer : null;
        } catch (IOException | RuntimeException e) {
            return null; // damaged or foreign: a miss, and the live answer takes its place
        }
    }

    /** Whether the answer was stored; a cache that cannot be written costs the run nothing but the saving. */
    private static boolean write(Path file, CachedAnswer answer) {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Json.mapper().writeValue(temp.toFile(), answer);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            try {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException ignored) {
                // the temporary file stays; it is never read as an entry
            }
            return false;
        }
    }

    public CacheTally tally() {
        return tally;
    }
}
