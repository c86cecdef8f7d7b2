package dev.yardstick.benchmark;

import dev.yardstick.cli.BenchmarkOptions;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The benchmark plans shipped in scenarios/ are valid plans (they are the documentation users copy). */
class ScenarioFilesTest {

    @Test
    void everyShippedBenchmarkPlanIsValid() throws IOException {
        List<Path> plans;
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            plans = files.filter(p -> p.getFileName().toString().startsWith("benchmark-")).sorted().toList();
        }
        assertFalse(plans.isEmpty());
        for (Path file : plans) {
            BenchmarkPlan plan = BenchmarkOptions.parse(file.toString());
            assertFalse(plan.models().isEmpty(), file.toString());
            assertTrue(plan.requests() != null || plan.duration() != null || plan.trace() != null
                    || plan.sessions() != null || plan.findMaxRate(), file.toString());
        }
    }
}
