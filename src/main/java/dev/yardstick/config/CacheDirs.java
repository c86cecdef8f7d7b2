package dev.yardstick.config;

import java.nio.file.Path;
import java.util.Map;

/** Where Yardstick keeps what it may throw away and fetch again: the XDG cache convention. */
public final class CacheDirs {

    private CacheDirs() {
    }

    /**
     * {@code $XDG_CACHE_HOME/yardstick}, or {@code HOME/.cache/yardstick} without it; null when neither is known.
     *
     * @param home the user's home folder, null when unknown
     */
    public static Path yardstick(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "yardstick");
        }
        return home == null ? null : home.resolve(".cache").resolve("yardstick");
    }
}
