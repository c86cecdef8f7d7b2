package dev.yardstick.provider.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The models loaded in this process, one per file, shared by reference count: a run may open
 * {@code local/stories260k} for several roles (candidate, judge, baseline) and should load it once. The last
 * release frees the native model.
 */
final class LoadedModels {

    private static final Map<Path, Entry> LOADED = new HashMap<>();

    private LoadedModels() {
    }

    private static final class Entry {
        final LoadedModel model;
        int references;

        Entry(LoadedModel model) {
            this.model = model;
        }
    }

    /** The loaded model for this file, loading it on first use; pair every call with {@link #release}. */
    static LoadedModel acquire(Path file) {
        Path key = identity(file);
        synchronized (LOADED) {
            // Loading under the lock: a second opener of the same file must wait for the first load, not start
            // another. Loads take tens of milliseconds for small models; opening is not on any measured path.
            Entry entry = LOADED.get(key);
            if (entry == null) {
                entry = new Entry(LoadedModel.load(key));
                LOADED.put(key, entry);
            }
            entry.references++;
            return entry.model;
        }
    }

    /** Gives back one reference; the last one closes the model. */
    static void release(LoadedModel model) {
        Path key = identity(model.file());
        LoadedModel toClose = null;
        synchronized (LOADED) {
            Entry entry = LOADED.get(key);
            if (entry == null || entry.model != model) {
                return;
            }
            if (--entry.references == 0) {
                LOADED.remove(key);
                toClose = model;
            }
        }
        if (toClose != null) {
            toClose.close(); // outside the lock: it waits for a running generation to end
        }
    }

    /** How many holders this model has; 0 once it is closed. For tests and diagnostics. */
    static int references(LoadedModel model) {
        synchronized (LOADED) {
            Entry entry = LOADED.get(identity(model.file()));
            return entry == null || entry.model != model ? 0 : entry.references;
        }
    }

    /** The same file reached by different paths (relative, symlinked) is one model. */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize(); // load() then reports what is wrong with it
        }
    }
}
