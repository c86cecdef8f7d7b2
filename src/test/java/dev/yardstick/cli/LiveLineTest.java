package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.benchmark.LoadStep;
import dev.yardstick.benchmark.StepObserver;
import dev.yardstick.stats.RunningFigures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The live line: done/target, rate, percentiles so far and errors, on a terminal only. */
class LiveLineTest {

    private static RunningFigures figures(long done, long failed, long ttftMicros) {
        Histogram ttft = new Histogram(3);
        Histogram e2e = new Histogram(3);
        for (int i = 0; i < done - failed; i++) {
            ttft.recordValue(ttftMicros);
            e2e.recordValue(ttftMicros * 4);
        }
        return new RunningFigures(done, failed, 0, ttft, e2e);
    }

    @Test
    void drawsTheStepsProgressOnATerminal() throws Exception {
        StringWriter text = new StringWriter();
        AtomicReference<RunningFigures> now = new AtomicReference<>(figures(0, 0, 1));
        try (LiveLine line = new LiveLine(new PrintWriter(text), true)) {
            line.started(new StepObserver.LiveStep(LoadStep.closed(1, 8), 3, 500, null, now::get));
            now.set(figures(120, 2, 21_000));
            Thread.sleep(350);
        }
        String drawn = text.toString();
        assertTrue(drawn.contains("step 1/3 concurrency=8 · 120/500 · "), drawn);
        assertTrue(drawn.contains("TTFT p50 21.0 ms p95 21.0 ms · E2E p50 84.0 ms p95 84.0 ms · 2 errors"), drawn);
        assertTrue(drawn.matches("(?s).*· \\d+\\.\\d req/s ·.*"), drawn);
        assertTrue(drawn.endsWith("\r\033[2K"), "the line is cleared before the report");
    }

    @Test
    void staysSilentWhenNotATerminal() throws Exception {
        StringWriter text = new StringWriter();
        try (LiveLine line = new LiveLine(new PrintWriter(text), false)) {
            line.started(new StepObserver.LiveStep(LoadStep.closed(1, 8), 1, 500, null, () -> figures(5, 0, 10)));
            Thread.sleep(250);
        }
        assertEquals("", text.toString());
    }
}
