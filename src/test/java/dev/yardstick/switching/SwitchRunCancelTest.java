package dev.yardstick.switching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.ModelSpec;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.mock.MockProvider;
import dev.yardstick.report.SwitchReport;
import dev.yardstick.switching.script.ConversationScript;
import dev.yardstick.switching.script.ScriptLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Ctrl-C in the middle of a hanging turn: the run stops at once and the partial report keeps what finished. */
class SwitchRunCancelTest {

    @TempDir
    Path dir;

    @Test
    void cancellingEndsTheTurnInFlightAndKeepsTheFinishedOnes() throws Exception {
        Path file = dir.resolve("hang.yaml");
        Files.writeString(file, """
                models: {primary: mock/instant}
                timeout: 30s
                faults: ["primary:timeout@2"]
                turns: [{user: one}, {user: two}, {user: three}]
                """);
        ConversationScript script = ScriptLoader.load(file, List.of());
        ModelClient mock = new MockProvider().open(ModelSpec.parse("mock/instant"), new ProviderContext(Map.of(),
                null));
        CountDownLatch firstTurn = new CountDownLatch(1);
        SwitchRun test = new SwitchRun(script, Map.of("mock/instant", mock),
                new SwitchRun.Options(false, null, 1), Clock.systemUTC()).onTurn((c, turn) -> firstTurn.countDown());
        CompletableFuture<SwitchReport> running = CompletableFuture.supplyAsync(
                () -> test.run(Instant.now(), Map.of()));
        assertTrue(firstTurn.await(10, TimeUnit.SECONDS), "turn 1 answers; turn 2 hangs until its 30 s timeout");
        Thread.sleep(100); // let turn 2 reach its hang
        long cancelledAt = System.nanoTime();
        test.cancel();
        SwitchReport report = running.get(5, TimeUnit.SECONDS);
        assertTrue((System.nanoTime() - cancelledAt) / 1_000_000 < 2000, "stopped promptly, not at the timeout");

        assertTrue(test.cancelled());
        assertTrue(report.run().interrupted());
        assertFalse(report.verdict().passed());
        List<String> statuses = report.conversations().get(0).turns().stream().map(SwitchReport.Turn::status).toList();
        assertEquals(List.of("answered", "interrupted", "not run"), statuses);
        assertEquals("cancelled", report.conversations().get(0).attempts().get(1).errorClass());
        assertEquals(List.of(), report.conversations().get(0).failovers(), "a cancelled turn is no failover");
    }
}
