package dev.yardstick.cli;

import dev.yardstick.cache.CacheMode;
import dev.yardstick.cache.CacheTally;
import dev.yardstick.cache.ResponseCache;
import dev.yardstick.config.CacheDirs;
import dev.yardstick.engine.RequestMiddleware;
import dev.yardstick.provider.OpenedModels;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * {@code --cache}, {@code --cache-dir} and {@code --no-cache}: compare's response cache. Benchmark does not offer
 * them: it always measures live.
 */
public final class CacheOptions {

    @Option(names = "--no-cache", description = "Send every request live, and store nothing.")
    boolean off;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where answers are cached (default: $XDG_CACHE_HOME/yardstick, else ~/.cache/yardstick).")
    Path dir;

    @Option(names = "--cache", paramLabel = "MODE", defaultValue = "deterministic",
            converter = ModeConverter.class,
            description = "Which answers are cached and replayed: deterministic (temperature 0 or a seed) or always "
                    + "(sampled answers too; a re-run replays the first run's draws). Default: ${DEFAULT-VALUE}.")
    CacheMode mode = CacheMode.DETERMINISTIC;

    /** The run's figures, or null when nothing is cached (--no-cache, or no cache directory is known). */
    CacheTally tally(Map<String, String> env) {
        return off || where(env) == null ? null : new CacheTally(mode);
    }

    /** {@code next} behind the cache that keeps its figures in {@code tally}; {@code next} alone without one. */
    RequestMiddleware around(RequestMiddleware next, CacheTally tally, OpenedModels models,
                             Map<String, String> env) {
        if (tally == null) {
            return next;
        }
        return new ResponseCache(where(env), tally,
                models.labels().stream().collect(Collectors.toMap(Function.identity(), l -> models.get(l).spec())),
                next);
    }

    private Path where(Map<String, String> env) {
        return dir != null ? dir : defaultDir(env);
    }

    private static Path defaultDir(Map<String, String> env) {
        String home = env.get("HOME");
        return CacheDirs.yardstick(env, home == null || home.isBlank() ? null : Path.of(home));
    }

    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<CacheMode> {
        @Override
        public CacheMode convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "deterministic" -> CacheMode.DETERMINISTIC;
                case "always" -> CacheMode.ALWAYS;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "--cache must be deterministic or always, got " + value);
            };
        }
    }
}
