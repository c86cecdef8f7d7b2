package dev.yardstick.cache;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A run's cache figures: hits, misses, answers stored and requests the mode does not cache. Its JSON form is the
 * {@code cache} entry of a compare report's settings, written when the report is (so with the final counts).
 */
public final class CacheTally {

    private final CacheMode mode;
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder stored = new LongAdder();
    final LongAdder notCacheable = new LongAdder();

    public CacheTally(CacheMode mode) {
        this.mode = mode;
    }

    public CacheMode mode() {
        return mode;
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /** One line for stderr: what the cache saved. */
    public String summaryLine() {
        return "cache: " + hits() + " hit(s), " + misses() + " miss(es), " + stored.sum() + " stored"
                + (notCacheable.sum() > 0 ? ", " + notCacheable.sum() + " not cacheable (temperature > 0 without a"
                + " seed; --cache always keeps them)" : "");
    }

    @JsonValue
    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mode", mode.name().toLowerCase(Locale.ROOT));
        figures.put("hits", hits());
        figures.put("misses", misses());
        figures.put("stored", stored.sum());
        figures.put("notCacheable", notCacheable.sum());
        return figures;
    }
}
