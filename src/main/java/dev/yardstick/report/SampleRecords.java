package dev.yardstick.report;

import dev.yardstick.engine.Sample;
import dev.yardstick.engine.TokenCounts;
import dev.yardstick.eval.CaseResult;
import dev.yardstick.eval.CheckResult;
import dev.yardstick.stats.Bursts;
import java.util.ArrayList;
import java.util.List;

/** Converts engine samples into their report form. */
public final class SampleRecords {

    private static final double NANOS_PER_MS = 1e6;

    private SampleRecords() {
    }

    public static SampleRecord of(Sample s, List<CheckResult> checks, Double costUsd) {
        return of(s, checks, costUsd, null);
    }

    /** @param grade the answer's verdict by its case's assertions, null when there is none */
    public static SampleRecord of(Sample s, List<CheckResult> checks, Double costUsd, CaseResult grade) {
        TokenCounts t = s.tokens();
        boolean reasoned = s.ok() && s.reasoned();
        SampleRecord.Tokens tokens = new SampleRecord.Tokens(t.input(), t.output(), t.cachedInput(),
                t.cacheWriteInput(), t.inputSource().label(), t.outputSource().label(), t.reportedInput(), t.reportedOutput(),
                t.countedInput(), t.countedOutput());
        List<Double> itl = new ArrayList<>(s.itlNanos().length);
        for (long gap : s.itlNanos()) {
            itl.add(gap / NANOS_PER_MS);
        }
        SampleRecord.Error error = s.error() == null ? null : new SampleRecord.Error(s.error().errorClass().label(),
                s.error().httpStatus(), s.error().message());
        return new SampleRecord(s.sequence(), s.model(), s.promptId(), s.repetition(), s.ok(),
                s.ttftNanos() < 0 ? null : s.ttftNanos() / NANOS_PER_MS, s.e2eNanos() / NANOS_PER_MS,
                s.queueNanos() / NANOS_PER_MS, s.ok() ? s.itlNanos().length + 1 : 0, itl, tokens, s.text(),
                s.finishReason(), s.requestId(), error, List.copyOf(checks), costUsd, flags(s),
                s.attempts() > 1 ? s.attempts() : null, s.attempts() > 1 ? s.retryNanos() / NANOS_PER_MS : null,
                grade, reasoned ? ms(s.ttfoNanos()) : null, reasoned ? t.reasoning() : null,
                reasoned ? t.reasoningSource().label() : null, s.endpoint());
    }

    private static Double ms(long nanos) {
        return nanos < 0 ? null : nanos / NANOS_PER_MS;
    }

    /** What a reader should look at in a sample that still counts; null when nothing. */
    private static List<String> flags(Sample s) {
        List<String> flags = new ArrayList<>(2);
        if (s.emptyAnswer()) {
            flags.add(SampleRecord.EMPTY_ANSWER);
        }
        if (Bursts.of(s)) {
            flags.add(SampleRecord.BURST);
        }
        if (s.cached()) {
            flags.add(SampleRecord.CACHED);
        }
        return flags.isEmpty() ? null : List.copyOf(flags);
    }
}
