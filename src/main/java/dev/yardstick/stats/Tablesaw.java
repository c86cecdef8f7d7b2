package dev.yardstick.stats;

/**
 * Initialises tablesaw's {@code Table} without the class-path scan its static initialiser runs. That initialiser asks
 * ClassGraph for every {@code tech.tablesaw.io} reader and writer on the class path, to register them for
 * {@code Table.read()} and {@code write()}, which Yardstick never calls (its tables are built in memory and leave
 * through its own exporters). ClassGraph finds the application class path in the {@code java.class.path} property
 * (the JDK's own class loader does not tell it: ClassGraph cannot open {@code jdk.internal.loader}), so on the
 * shaded jar it reads the directory of all 45,000 entries: 0.5-0.7 s of CPU and 30 MB of RSS in a fresh JVM, more
 * than the rest of a one-prompt compare. With the property empty for the moment of the initialisation it finds
 * nothing to read, and {@code Table} is otherwise the same. The JDK read the property for its own class loader at
 * start, so class loading is unaffected; nothing else in Yardstick reads it.
 *
 * <p>Call {@link #ready()} before the first use of a tablesaw class: the first call initialises, on the caller's
 * thread, every later one returns at once.
 */
public final class Tablesaw {

    private Tablesaw() {
    }

    /** Returns once {@code Table} is initialised. */
    public static void ready() {
        Initialised.touch();
    }

    /** The JVM runs this class's initialiser exactly once, and holds other callers until it has finished. */
    private static final class Initialised {
        static {
            String classPath = System.getProperty("java.class.path");
            System.setProperty("java.class.path", "");
            try {
                Class.forName("tech.tablesaw.api.Table", true, Tablesaw.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            } finally {
                if (classPath == null) {
                    System.clearProperty("java.class.path");
                } else {
                    System.setProperty("java.class.path", classPath);
                }
            }
        }

        static void touch() {
            // the class's initialiser did the work
        }
    }
}
