package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.export.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interruption, on a real process: SIGINT and SIGTERM, to the process and to its process group, once and twice
 * within the grace period (coreutils {@code timeout} and CI runners signal both; a terminal's Ctrl-C reaches the
 * whole foreground group), in the middle of a compare, a benchmark and a switch-test. Every time the report is
 * written, on stdout and to {@code -o}, marked interrupted, valid typed JSON; every request that finished is in the
 * samples file, whose every line (the last included) is whole; and the exit code is 130.
 */
class InterruptionSuiteTest {

    private static final String SLOW_ENOUGH = "ttft=40ms&itl=10ms&tokens=8&jitter=0";

    @TempDir
    Path dir;

    enum Command { COMPARE, BENCHMARK, SWITCH_TEST }

    /** How the signals arrive: the first, and (when {@code twice}) a second 100 ms later, inside the grace period. */
    record Delivery(String signal, boolean group, boolean twice, boolean secondToGroup) {
        @Override
        public String toString() {
            return "SIG" + signal + " to the " + (group ? "group" : "process")
                    + (twice ? ", then again to the " + (secondToGroup ? "group" : "process") : ", once");
        }
    }

    static Stream<Arguments> cases() {
        List<Delivery> deliveries = List.of(
                new Delivery("INT", false, false, false),
                new Delivery("TERM", true, false, false),
                new Delivery("TERM", false, true, true),  // timeout(1), a CI runner cancelling a job
                new Delivery("INT", true, true, true));   // Ctrl-C twice in a terminal
        List<Arguments> cases = new ArrayList<>();
        for (Command command : Command.values()) {
            for (Delivery delivery : deliveries) {
                cases.add(Arguments.of(command, delivery));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    @Timeout(90)
    void theReportIsWrittenMarkedInterruptedWithEveryFinishedSample(Command command, Delivery delivery)
            throws Exception {
        Path samples = dir.resolve("samples.jsonl");
        try (ChildCli child = ChildCli.start(dir, args(command))) {
            awaitMidRun(command, child, samples);
            assertTrue(child.signal(delivery.signal(), delivery.group()), "the run was still going");
            if (delivery.twice()) {
                Thread.sleep(100);
                child.signal(delivery.signal(), delivery.secondToGroup()); // may find it already gone: fine
            }
            int code = child.waitFor(30);
            String err = child.err();
            assertEquals(ExitCodes.INTERRUPTED, code, "exit code; stderr:\n" + err);
            assertEquals(1, count(err, "interrupted: finishing the partial report"), err);
            assertFalse(err.contains("Exception") || err.contains("internal error"), err);

            String stdout = child.out();
            assertFalse(stdout.contains("NaN"), "an undefined figure is null, never the string NaN");
            JsonNode report = Json.mapper().readTree(stdout);
            assertTrue(report.path("run").path("interrupted").asBoolean(), "marked interrupted");
            JsonNode written = Json.mapper().readTree(dir.resolve("report.json").toFile());
            assertEquals(report.path("run"), written.path("run"), "-o holds the same report");
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".tmp"))
                        .toList(), "no temporary file left behind");
            }
            if (command != Command.SWITCH_TEST) {
                assertEveryFinishedRequestJournaled(command, report, samples);
            }
        }
    }

    private String[] args(Command command) throws IOException {
        return switch (command) {
            case COMPARE -> new String[] {"compare", "-m", "mock/slow?" + SLOW_ENOUGH, "-p", "Once upon a time",
                    "--repeat", "500", "--concurrency", "2", "--samples", "samples.jsonl", "--format", "json",
                    "-o", "report.json"};
            case BENCHMARK -> new String[] {"benchmark", "-m", "mock/slow?" + SLOW_ENOUGH, "--requests", "100000",
                    "--concurrency", "4", "--samples", "samples.jsonl", "--format", "json", "-o", "report.json"};
            case SWITCH_TEST -> {
                StringBuilder script = new StringBuilder("models: {primary: \"mock/slow?" + SLOW_ENOUGH
                        + "\"}\nturns:\n");
                for (int i = 1; i <= 200; i++) {
                    script.append("  - user: turn ").append(i).append('\n');
                }
                Files.writeString(dir.resolve("script.yaml"), script);
                yield new String[] {"switch-test", "script.yaml", "--format", "json", "-o", "report.json"};
            }
        };
    }

    /**
     * Until the run is under way: a few samples journaled, or for switch-test (which keeps no samples file) its
     * engine running, plus time for a turn or two. Either way the signal handlers are in place by then.
     */
    private static void awaitMidRun(Command command, ChildCli child, Path samples) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && child.alive()) {
            if (command == Command.SWITCH_TEST ? child.threadNames().contains("yardstick-timeo")
                    : Files.exists(samples) && count(Files.readString(samples), "\n") >= 3) {
                if (command == Command.SWITCH_TEST) {
                    Thread.sleep(300);
                }
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run never got under way; stderr:\n" + child.err());
    }

    private static void assertEveryFinishedRequestJournaled(Command command, JsonNode report, Path samples)
            throws IOException {
        String journal = Files.readString(samples);
        assertTrue(journal.endsWith("\n"), "the last line is whole");
        List<String> lines = journal.lines().toList();
        for (String line : lines) {
            assertTrue(Json.mapper().readTree(line).isObject(), "every line is a JSON object: " + line);
        }
        long finished = 0;
        if (command == Command.COMPARE) {
            finished = report.path("samples").size();
        } else {
            for (JsonNode step : report.path("steps")) {
                for (JsonNode model : step.path("models")) {
                    finished += model.path("requests").path("attempted").asLong();
                }
            }
        }
        assertTrue(finished >= 3, "the run was mid-way: " + finished + " requests finished");
        assertEquals(finished, lines.size(), "every finished request is in the samples file, and only those");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
