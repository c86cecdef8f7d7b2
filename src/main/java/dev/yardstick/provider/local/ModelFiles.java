package dev.yardstick.provider.local;

import dev.yardstick.config.CacheDirs;
import dev.yardstick.config.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the GGUF file behind a {@code local/...} model name.
 *
 * <ul>
 *   <li>{@code local/stories260k}: the embedded default model, {@value #DEFAULT_FILE};</li>
 *   <li>{@code local/<path>.gguf}: that file, relative to the working directory (or absolute), else the same
 *       relative path in the search folders;</li>
 *   <li>{@code local/<name>}: {@code <name>.gguf} in the search folders.</li>
 * </ul>
 *
 * The search folders, in order: {@code $YARDSTICK_MODELS}; {@code ../shared/models} relative to the working
 * directory; the same relative to the folder above the running jar (so the launcher works from anywhere); the user
 * cache ({@code $XDG_CACHE_HOME/yardstick/models} or {@code ~/.cache/yardstick/models}). File names match
 * case-insensitively, so {@code stories260k} finds {@code stories260K.gguf}. Only the default model is ever
 * downloaded, once, into the user cache.
 */
public final class ModelFiles {

    public static final String DEFAULT_MODEL = "stories260k";
    public static final String DEFAULT_FILE = "stories260K.gguf";
    public static final String DEFAULT_SHA256 = "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d";
    public static final URI DEFAULT_URL =
            URI.create("https://huggingface.co/ggml-org/models/resolve/main/tinyllamas/stories260K.gguf");
    public static final String MODELS_ENV = "YARDSTICK_MODELS";
    /** Set (to anything but 0 or false) to forbid the download: CI and tests must never reach the internet. */
    public static final String OFFLINE_ENV = "YARDSTICK_OFFLINE";

    private static final String SHARED_MODELS = "../shared/models";
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(2);
    // One download at a time in this process: several roles may open the default model at once.
    private static final Object DOWNLOAD_LOCK = new Object();

    private final Path workingDir;
    private final List<Path> searchPath;
    private final Path cacheDir;
    private final URI defaultUrl;

    /**
     * @param workingDir where relative {@code .gguf} paths start
     * @param searchPath the folders searched in order (the cache folder among them, usually last)
     * @param cacheDir   where the default model is downloaded to
     * @param defaultUrl where the default model is downloaded from (tests point it at a loopback server); null
     *                   forbids downloading
     */
    public ModelFiles(Path workingDir, List<Path> searchPath, Path cacheDir, URI defaultUrl) {
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.searchPath = List.copyOf(searchPath);
        this.cacheDir = cacheDir.toAbsolutePath().normalize();
        this.defaultUrl = defaultUrl;
    }

    /** The search path this process sees: its environment, working directory, jar location and home folder. */
    public static ModelFiles fromEnvironment(Map<String, String> env) {
        Path workingDir = Path.of("").toAbsolutePath();
        Path cache = cacheDir(env, Path.of(System.getProperty("user.home")));
        return new ModelFiles(workingDir, searchPath(env, workingDir, codeLocation(), cache), cache,
                downloadUrl(env));
    }

    /** Where the default model comes from, or null when {@value #OFFLINE_ENV} forbids downloading. */
    static URI downloadUrl(Map<String, String> env) {
        String offline = env.getOrDefault(OFFLINE_ENV, "").trim();
        boolean allowed = offline.isEmpty() || offline.equals("0") || offline.equalsIgnoreCase("false");
        return allowed ? DEFAULT_URL : null;
    }

    /** {@code $XDG_CACHE_HOME/yardstick/models}, or {@code ~/.cache/yardstick/models} without it. */
    static Path cacheDir(Map<String, String> env, Path home) {
        return CacheDirs.yardstick(env, home).resolve("models").toAbsolutePath().normalize();
    }

    /** The folders to search, in order, without repeats; {@code codeLocation} is the running jar (or classes). */
    static List<Path> searchPath(Map<String, String> env, Path workingDir, Optional<Path> codeLocation,
                                 Path cacheDir) {
        List<Path> dirs = new ArrayList<>();
        String fromEnv = env.get(MODELS_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            dirs.add(workingDir.resolve(fromEnv));
        }
        dirs.add(workingDir.resolve(SHARED_MODELS));
        // target/yardstick.jar (or target/classes) sits one folder below the checkout, beside which shared/ lives.
        codeLocation.map(Path::getParent).map(Path::getParent)
                .ifPresent(aboveJar -> dirs.add(aboveJar.resolve(SHARED_MODELS)));
        dirs.add(cacheDir);
        return dirs.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    }

    /** The jar or classes folder this class was loaded from, when the runtime says. */
    static Optional<Path> codeLocation() {
        CodeSource source = ModelFiles.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty(); // not a file (a custom class loader): the other folders still apply
        }
    }

    /** True for the names of the embedded default model. */
    public static boolean isDefault(String model) {
        String name = model.trim();
        return name.equalsIgnoreCase(DEFAULT_MODEL) || name.equalsIgnoreCase(DEFAULT_FILE);
    }

    public List<Path> searchPath() {
        return searchPath;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** Where the default model is, or would be put by a download. */
    public Path defaultDownloadTarget() {
        return cacheDir.resolve(DEFAULT_FILE);
    }

    /** The file for a model name if it exists somewhere on the search path; never downloads. */
    public Optional<Path> find(String model) {
        String name = model.trim();
        if (name.isEmpty()) {
            throw new InputException("empty local model name (expected local/stories260k, local/<name> or "
                    + "local/<path>.gguf)");
        }
        if (isDefault(name)) {
            return inSearchPath(DEFAULT_FILE);
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(".gguf")) {
            return inSearchPath(name + ".gguf");
        }
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return Files.isRegularFile(given) ? Optional.of(given.normalize()) : Optional.empty();
        }
        return lookIn(workingDir, name).or(() -> inSearchPath(name));
    }

    /**
     * The file for a model name. The default model is downloaded into the user cache when it is nowhere on the
     * search path; any other missing file is an {@link InputException} saying where it was looked for.
     */
    public Path resolve(String model) {
        Optional<Path> found = find(model);
        if (found.isPresent()) {
            return found.get();
        }
        if (isDefault(model)) {
            return downloadDefault();
        }
        throw new InputException("model file for local/" + model.trim() + " not found (looked in "
                + lookedIn(model) + "): give its path as local/<path>.gguf or put it in a folder named by "
                + MODELS_ENV);
    }

    private Path downloadDefault() {
        synchronized (DOWNLOAD_LOCK) {
            Path target = defaultDownloadTarget();
            if (Files.isRegularFile(target)) {
                return target; // another thread got it meanwhile
            }
            if (defaultUrl == null) {
                throw new InputException(DEFAULT_FILE + " not found and " + OFFLINE_ENV + " forbids downloading it: "
                        + "put the file at " + target + " or set " + MODELS_ENV + " to a folder holding it; sha256 "
                        + DEFAULT_SHA256);
            }
            try {
                return new ModelDownload(DOWNLOAD_TIMEOUT).fetch(defaultUrl, target, DEFAULT_SHA256);
            } catch (IOException e) {
                throw new InputException(DEFAULT_FILE + " not found and the download from " + defaultUrl
                        + " failed (" + oneLine(e) + "; no network?): put the file at " + target + " or set "
                        + MODELS_ENV + " to a folder holding it; sha256 " + DEFAULT_SHA256, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InputException("the download of " + DEFAULT_FILE + " was interrupted: put the file at "
                        + target + " or run again", e);
            }
        }
    }

    private Optional<Path> inSearchPath(String relative) {
        for (Path dir : searchPath) {
            Optional<Path> found = lookIn(dir, relative);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** {@code dir/relative}, or a file in the same folder whose name differs only in case. */
    private static Optional<Path> lookIn(Path dir, String relative) {
        Path exact = dir.resolve(relative).normalize();
        if (Files.isRegularFile(exact)) {
            return Optional.of(exact);
        }
        Path parent = exact.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return Optional.empty();
        }
        String wanted = exact.getFileName().toString();
        try (Stream<Path> files = Files.list(parent)) {
            return files.filter(f -> f.getFileName().toString().equalsIgnoreCase(wanted))
                    .filter(Files::isRegularFile).sorted().findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // an unreadable folder holds nothing we can load
        }
    }

    private String lookedIn(String model) {
        Stream<Path> dirs = searchPath.stream();
        if (model.trim().toLowerCase(Locale.ROOT).endsWith(".gguf")) {
            dirs = Stream.concat(Stream.of(workingDir), dirs);
        }
        return dirs.map(Path::toString).collect(Collectors.joining(", "));
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
