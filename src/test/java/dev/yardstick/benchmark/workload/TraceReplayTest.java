package dev.yardstick.benchmark.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import dev.yardstick.engine.LoadShape;
import dev.yardstick.engine.Orchestrator;
import dev.yardstick.engine.Plan;
import dev.yardstick.engine.RunSummary;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.TokenCounting;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import dev.yardstick.testing.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A trace replayed against a loopback server at its own times, scaled: every request is scheduled at its traced
 * offset × the scale, exactly; the server never sees a request before its scheduled start plus the lateness the tool
 * recorded for it; and every request sent more than 1 ms late is counted in the run's late starts, with the worst
 * lateness. A loaded machine can make requests late (wall-clock margins would make this flaky on a shared 2-core
 * machine), but never silently: what the server saw and what the report says agree.
 */
class TraceReplayTest {

    private static final long MS = 1_000_000;
    private static final long TOLERANCE = 2 * MS;

    @Test
    void replaysAtTheTracesTimesScaledAndSaysHowLateItWas() {
        List<TraceEntry> entries = new ArrayList<>();
        long[] offsetsMs = {0, 40, 45, 120, 200, 201, 330, 400, 470, 600, 610, 700, 820, 900, 1000, 1005};
        for (int i = 0; i < offsetsMs.length; i++) {
            entries.add(new TraceEntry(offsetsMs[i] * MS, 0, 3 + i, List.of(),
                    List.of(Message.user("request " + i))));
        }
        Trace trace = new Trace(Path.of("timing.jsonl"), TraceFormat.YARDSTICK, entries);
        double scale = 0.5;
        try (LoopbackLlmServer server = LoopbackLlmServer.start();
             OpenedModels models = LoopbackModels.open(server, Protocol.OPENAI, "openai/replay",
                     ModelParams.DEFAULTS);
             Orchestrator orchestrator = new Orchestrator(models.byLabel(), TokenCounting.WHEN_UNREPORTED)) {
            TraceRequests requests = new TraceRequests(trace, scale, null, models.labels(), ModelParams.DEFAULTS, 1,
                    models.byLabel());
            List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
            orchestrator.warmUpClients(); // off the run's clock, so the run starts right after 'before'
            long before = System.nanoTime();
            RunSummary summary = orchestrator.run(new Plan(requests, new LoadShape.Open(1, LoadShape.Arrival.CONSTANT,
                    1, 64), Map.of(), Duration.ofSeconds(10), null), samples::add);

            assertEquals(offsetsMs.length, summary.completed());
            samples.sort(Comparator.comparingLong(Sample::sequence));
            List<RecordedRequest> arrivals = server.requests(Protocol.OPENAI);
            assertEquals(offsetsMs.length, arrivals.size());
            long[] arrival = new long[offsetsMs.length];
            for (RecordedRequest r : arrivals) {
                int i = Integer.parseInt(r.messages().getLast().content().substring("request ".length()));
                arrival[i] = r.arrivalNanos();
                assertEquals(3 + i, r.body().path("max_tokens").asInt(r.body().path("max_completion_tokens").asInt()),
                        "the traced output length is asked as max tokens");
            }
            long late = 0;
            long worst = 0;
            for (int i = 0; i < offsetsMs.length; i++) {
                Sample s = samples.get(i);
                assertTrue(s.ok(), s.toString());
                long scheduled = Math.round(offsetsMs[i] * MS * scale);
                assertEquals(scheduled, s.scheduledNanos(), "request " + i + " scheduled at its scaled offset");
                if (s.queueNanos() > MS) {
                    late++;
                }
                worst = Math.max(worst, s.queueNanos());
                // The run started after 'before': the server can only see a request after its scheduled start plus
                // the lateness the tool recorded for it. A tool that sent early, or recorded less lateness than
                // there was, fails here.
                long serverSeen = arrival[i] - before - scheduled;
                assertTrue(serverSeen >= s.queueNanos(), "request " + i + ": the server saw it "
                        + serverSeen / 1e6 + " ms after its scaled offset, the tool recorded " + s.queueNanos() / 1e6
                        + " ms of lateness");
                // Within 2 ms of the trace, or counted late in the figures the report shows.
                assertTrue(s.queueNanos() <= TOLERANCE || s.queueNanos() > MS && late > 0, "request " + i);
            }
            assertEquals(late, summary.lateStarts(), "the late starts are the samples sent over 1 ms late");
            assertEquals(worst > MS ? worst : 0, summary.maxLatenessNanos(), "the worst lateness is reported");
        }
    }
}
