package dev.yardstick.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.output.TokenUsage;
import dev.yardstick.provider.ClientWarmup;
import dev.yardstick.provider.ModelClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The client warm-up off the clock: what it sends, through which model, and what its report says. */
class ClientWarmupsTest {

    private static final TokenUsage USAGE = new TokenUsage(3, 2);

    @Test
    void eachModelsWarmupModelGetsThreeRoundsAndTheModelItselfNone() {
        ScriptedClient stub = ScriptedClient.of("stub/warmer", ScriptedClient.answering("hi there", USAGE));
        AtomicBoolean closed = new AtomicBoolean();
        ScriptedClient measured = ScriptedClient.of("test/b", ScriptedClient.answering("measured", USAGE))
                .warmedBy(() -> new ClientWarmup("loopback-stub", stub.chatModel(), null, () -> closed.set(true)));
        ScriptedClient plain = ScriptedClient.of("test/a", ScriptedClient.answering("plain", USAGE));
        try (Orchestrator orchestrator = new Orchestrator(Map.of("test/b", measured, "test/a", plain),
                TokenCounting.ALWAYS)) {
            assertNull(orchestrator.clientWarmup(), "nothing warmed yet");
            ClientWarmupReport report = orchestrator.warmUpClients();
            assertSame(report, orchestrator.warmUpClients(), "warmed once");
            assertSame(report, orchestrator.clientWarmup());

            assertEquals(3, stub.requests().get(), "three rounds through the warm-up's model");
            assertEquals(0, measured.requests().get(), "the measured model is never sent a warm-up");
            assertEquals(0, plain.requests().get(), "a model without a warm-up model is not driven");
            assertTrue(closed.get(), "the warm-up's resources are closed");
            assertEquals(List.of("test/a", "test/b"), report.models().stream().map(ClientWarmupReport.Model::model)
                    .toList(), "by label");
            ClientWarmupReport.Model a = report.models().get(0);
            ClientWarmupReport.Model b = report.models().get(1);
            assertEquals("none", a.method());
            assertEquals("loopback-stub", b.method());
            assertNull(a.failure());
            assertNull(b.failure());
            assertTrue(b.ms() >= 0 && b.ms() < 5000, "ms " + b.ms());
            assertTrue(report.wallMs() >= b.ms() && report.wallMs() < 5000, "wall " + report.wallMs());
        }
    }

    @Test
    void aProbeRunsBesideTheWarmupAndItsTimeCounts() {
        AtomicBoolean probed = new AtomicBoolean();
        Runnable probe = () -> {
            try {
                Thread.sleep(60);
                probed.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ScriptedClient client = ScriptedClient.of("test/probed", ScriptedClient.answering("x", USAGE))
                .warmedBy(() -> new ClientWarmup("loopback-stub+probe", null, probe, null));
        try (Orchestrator orchestrator = new Orchestrator(Map.of("test/probed", client), TokenCounting.ALWAYS)) {
            ClientWarmupReport report = orchestrator.warmUpClients();
            assertTrue(probed.get(), "the probe ran to its end before the report");
            ClientWarmupReport.Model m = report.models().getFirst();
            assertNull(m.failure(), "an answered probe is no failure");
            assertTrue(m.ms() >= 60 && m.ms() < 5000, "the model's warm-up lasted as long as its probe: " + m.ms());
            assertTrue(report.wallMs() >= 60, "wall " + report.wallMs());
            assertEquals(Math.round(m.ms() * 100) / 100.0, m.ms(), 0, "hundredths of a millisecond");
        }
    }

    @Test
    void aWarmupThatFailsOrCannotBeSetUpSaysWhyAndTheRunGoesOn() {
        ScriptedClient broken = ScriptedClient.of("stub/broken",
                (request, handler) -> handler.onError(new IllegalStateException("stub refused")));
        ScriptedClient failing = ScriptedClient.of("test/failing", ScriptedClient.answering("x", USAGE))
                .warmedBy(() -> new ClientWarmup("loopback-stub", broken.chatModel(), null, null));
        ModelClient unset = ScriptedClient.of("test/unset", ScriptedClient.answering("x", USAGE))
                .warmedBy(() -> {
                    throw new UnsupportedOperationException("no stub for this provider");
                });
        try (Orchestrator orchestrator = new Orchestrator(Map.of("test/failing", failing, "test/unset", unset),
                TokenCounting.ALWAYS)) {
            ClientWarmupReport report = orchestrator.warmUpClients();
            assertEquals("other: stub refused", report.models().get(0).failure());
            assertEquals("UnsupportedOperationException", report.models().get(1).failure());
            assertEquals("none", report.models().get(1).method());
            assertEquals(3, broken.requests().get());
        }
    }
}
