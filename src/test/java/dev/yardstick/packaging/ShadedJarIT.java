package dev.yardstick.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users run it, checked after {@code package} by {@code mvn verify} (maven-failsafe): the suite
 * ({@code mvn test}) runs on the unshaded class path and never sees what the shade filters leave out. fastutil ships
 * only the classes listed in {@code src/build/fastutil-classes.properties}, so nothing in the jar may refer to a class
 * the jar lacks, and the commands whose tablesaw code runs on fastutil's collections run from the jar: compare's
 * scoring (summarize/by, pivot, where, with a baseline) and cost-analyze's ranking and totals.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of(System.getProperty("yardstick.jar", "target/yardstick.jar"));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One line of {@code jdeps --missing-deps}: {@code   a.b.From   -> c.d.To   not found}. */
    private static final Pattern MISSING = Pattern.compile("\\s*(\\S+)\\s+->\\s+(\\S+)\\s+not found\\s*");

    @Test
    void everyClassTheJarRefersToIsInItUnlessItsWholePackageIsLeftOut() throws IOException {
        // Dependencies left out on purpose (ICU for tablesaw's charset guess, Smile, javax.annotation) are missing
        // with their whole package; a class missing from a package the jar ships is one a trimmed dependency lost.
        Set<String> packages = packagesIn(JAR);
        assertTrue(packages.contains("it.unimi.dsi.fastutil.ints"), "fastutil is in the jar");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(err),
                "--missing-deps", "--multi-release", String.valueOf(Runtime.version().feature()), JAR.toString());
        assertEquals(0, code, "jdeps: " + err);
        List<String> lost = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            Matcher m = MISSING.matcher(line);
            if (m.matches() && packages.contains(packageOf(m.group(2)))) {
                lost.add(m.group(1) + " -> " + m.group(2));
            }
        }
        assertEquals(List.of(), lost, "classes the jar refers to but lacks (after a tablesaw or fastutil upgrade, "
                + "regenerate the list: bench/jar-size.sh --fastutil-list)");
    }

    @Test
    void compareScoresRepetitionsAndGatesAgainstABaselineFromTheJar(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        List<String> compare = List.of("compare", "-m", "mock/instant", "-m", "mock/fast", "--prompts",
                Path.of("prompts", "quality-stories.yaml").toAbsolutePath().toString(), "--repeat", "2",
                "--no-cache", "--format", "json");
        run(dir, concat(compare, "-o", first.toString()));
        run(dir, concat(compare, "--baseline", first.toString(), "-o", second.toString()));

        JsonNode scores = JSON.readTree(second.toFile()).path("scores");
        List<String> arms = new ArrayList<>();
        for (JsonNode model : scores.path("models")) {
            arms.add(model.path("model").asText());
            assertEquals(2, model.path("repetitions").asInt(), model.toString());
            assertEquals(1.0, model.path("passRate").path("value").asDouble(-1), 1e-9, model.toString());
            assertTrue(model.path("latencyMs").path("sd").isNumber(), model.toString());
        }
        assertEquals(List.of("mock/instant", "mock/fast", "baseline: mock/instant", "baseline: mock/fast"), arms);
        assertFalse(scores.path("cases").isEmpty(), scores.toString());
        for (JsonNode testCase : scores.path("cases")) {
            assertEquals(4, testCase.path("passRate").size(), testCase.toString());
        }
        assertEquals("first.json", scores.path("gate").path("baseline").asText(), scores.toString());
        // the pair of this run, and each model against its namesake in the baseline
        assertEquals(3, scores.path("comparisons").size(), scores.toString());
    }

    @Test
    void costAnalysisRanksAndTotalsFromTheJar(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of("cost-analyze"));
        for (String scenario : List.of("cost-support-bot.yaml", "cost-rag-heavy-cache.yaml")) {
            command.add(Path.of("scenarios", scenario).toAbsolutePath().toString());
        }
        command.addAll(List.of("--format", "json"));
        JsonNode report = JSON.readTree(run(dir, command));

        Map<String, List<Double>> periods = new HashMap<>();
        for (JsonNode scenario : report.path("scenarios")) {
            JsonNode ranked = scenario.path("ranked");
            assertTrue(ranked.size() > 1, scenario.toString());
            for (int i = 0; i < ranked.size(); i++) {
                double period = ranked.get(i).path("period").asDouble();
                assertTrue(i == 0 || ranked.get(i - 1).path("period").asDouble() <= period,
                        "ranked by the period's cost: " + ranked);
                periods.computeIfAbsent(ranked.get(i).path("model").asText(), m -> new ArrayList<>()).add(period);
            }
        }
        // the totals: per model priced in every scenario, the sum, least and most of its periods
        JsonNode totals = report.path("totals");
        assertFalse(totals.isEmpty(), report.toString());
        for (JsonNode total : totals) {
            List<Double> own = periods.get(total.path("model").asText());
            assertEquals(2, own.size(), total.toString());
            assertEquals(own.get(0) + own.get(1), total.path("period").asDouble(), 1e-6, total.toString());
            assertEquals(Math.min(own.get(0), own.get(1)), total.path("cheapestScenario").asDouble(), 1e-9);
            assertEquals(Math.max(own.get(0), own.get(1)), total.path("dearestScenario").asDouble(), 1e-9);
        }
    }

    /** Runs {@code java -jar} on the shaded jar in {@code dir}; its stdout, after asserting it exited 0. */
    private static String run(Path dir, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(args);
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        builder.environment().put("CI", "true");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("yardstick " + args + " did not finish in 180 s");
        }
        assertEquals(0, process.exitValue(), "yardstick " + args + ": " + Files.readString(err));
        return Files.readString(out);
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    /** The packages of the jar's classes, versioned ones (META-INF/versions/N/...) included. */
    private static Set<String> packagesIn(Path jar) throws IOException {
        Set<String> packages = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName().replaceFirst("^META-INF/versions/\\d+/", "");
                if (name.endsWith(".class") && name.contains("/")) {
                    packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
                }
            }
        }
        return packages;
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
