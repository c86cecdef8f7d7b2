package dev.yardstick.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Tablesaw#ready()} initialises {@code Table} without the class-path scan (in a fresh JVM, since this one's
 * {@code Table} may be initialised already): ClassGraph opens no jar and registers no reader, the class path
 * property is restored, and tables work. The same probe without it shows the scan, so the test can tell them apart.
 */
class TablesawTest {

    /** ClassGraph's reader of a jar's directory: loaded only when a scan opens a jar. */
    private static final String JAR_READER = "nonapi.io.github.classgraph.fastzipfilereader.LogicalZipFile ";

    private static String probe(String mode) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), TablesawProbe.class.getName(), mode)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe finished");
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    @Test
    void readyInitialisesTableWithoutScanningTheClassPath() throws Exception {
        String out = probe("ready");
        assertTrue(out.contains("tech.tablesaw.api.Table "), "the log lists loaded classes, Table among them");
        assertFalse(out.contains(JAR_READER), "no jar was opened by the scan");
        assertTrue(out.contains("csv-reader false"), out);
        assertTrue(out.contains("class-path-kept true"), out);
        assertTrue(out.contains("mean 3.0"), out);
    }

    @Test
    void tablesawAloneScansTheClassPath() throws Exception {
        String out = probe("plain");
        assertTrue(out.contains(JAR_READER), "the scan opened the class path's jars");
        assertTrue(out.contains("csv-reader true"), out);
        assertTrue(out.contains("mean 3.0"), out);
    }
}
