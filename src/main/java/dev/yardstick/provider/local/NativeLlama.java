package dev.yardstick.provider.local;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.args.LogFormat;
import dev.yardstick.provider.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads llama.cpp's native library once per process, quietly.
 *
 * <p>The binding's own loader would extract the library into the shared temp folder, print "Extracted ..." on
 * stdout (where our data goes), and first delete every file named {@code llama*} or {@code jllama*} in that folder
 * (racing any other process doing the same). So we extract it ourselves into a private temp folder and point the
 * loader there ({@code de.kherud.llama.lib.path}), which it then loads without extracting or printing anything.
 *
 * <p>llama.cpp logs plenty to stderr by default; it stays silent unless the logger
 * {@value #LOG_NAME} is at debug level, when its lines go there (slf4j-simple writes to stderr).
 */
final class NativeLlama {

    static final String LOG_NAME = "dev.yardstick.provider.local.llama.cpp";
    private static final Logger LOG = LoggerFactory.getLogger(LOG_NAME);
    private static final String LIB_PATH_PROPERTY = "de.kherud.llama.lib.path";
    private static final String TMPDIR_PROPERTY = "de.kherud.llama.tmpdir";

    private static boolean loaded;

    private NativeLlama() {
    }

    /** Loads the library and sets the log policy; idempotent. */
    static synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        if (System.getProperty(LIB_PATH_PROPERTY) == null) { // a user-provided build wins
            extractPrivately();
        }
        try {
            LlamaModel.setLogger(LogFormat.TEXT, verbose()
                    ? (level, text) -> LOG.debug("{} {}", level, text.stripTrailing())
                    : (level, text) -> { });
        } catch (UnsatisfiedLinkError e) {
            throw new ProviderException("llama.cpp's native library does not load on " + platform() + ": "
                    + e.getMessage(), e);
        }
        loaded = true;
    }

    /** True when llama.cpp's own log lines should be shown (its logger is at debug level). */
    static boolean verbose() {
        return LOG.isDebugEnabled();
    }

    /** Whether there is a library to load here: one shipped for this platform, or a build the user points to. */
    static boolean available() {
        return System.getProperty(LIB_PATH_PROPERTY) != null || libraryResource().isPresent();
    }

    /** The library's resource inside the binding's jar for this platform, when it ships one. */
    private static Optional<String> libraryResource() {
        String folder;
        try {
            // The binding maps os.name/os.arch to its folder names in a package-private class; ask it rather
            // than copy its table.
            Class<?> osInfo = Class.forName("de.kherud.llama.OSInfo");
            Method method = osInfo.getDeclaredMethod("getNativeLibFolderPathForCurrentOS");
            method.setAccessible(true);
            folder = (String) method.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
        String resource = "/de/kherud/llama/" + folder + "/" + System.mapLibraryName("jllama");
        return LlamaModel.class.getResource(resource) == null ? Optional.empty() : Optional.of(resource);
    }

    static String platform() {
        return System.getProperty("os.name") + "/" + System.getProperty("os.arch");
    }

    private static void extractPrivately() {
        Optional<String> resource = libraryResource();
        if (resource.isEmpty()) {
            // Let the binding's loader try its other places (java.library.path) and report what it tried.
            return;
        }
        try {
            Path dir = Files.createTempDirectory("yardstick-llama-");
            // deleteOnExit runs last-registered first: the folder is registered first, so it goes once emptied.
            dir.toFile().deleteOnExit();
            Path library = dir.resolve(System.mapLibraryName("jllama"));
            library.toFile().deleteOnExit();
            try (InputStream in = LlamaModel.class.getResourceAsStream(resource.get())) {
                Files.copy(in, library);
            }
            System.setProperty(LIB_PATH_PROPERTY, dir.toString());
            System.setProperty(TMPDIR_PROPERTY, dir.toString()); // confines the loader's clean-up to our folder
        } catch (IOException e) {
            throw new ProviderException("cannot extract llama.cpp's native library to the temp folder: "
                    + e.getMessage(), e);
        }
    }
}
