package dev.yardstick.report;

import dev.yardstick.report.SwitchReport.Check;
import dev.yardstick.report.SwitchReport.Conversation;
import dev.yardstick.report.SwitchReport.Event;
import dev.yardstick.report.SwitchReport.Failover;
import dev.yardstick.report.SwitchReport.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link SwitchReport} for people: the script's settings, then per conversation the per-turn table,
 * what fitting left out, each failover, the resilience timeline and the checks, then the verdict. With several
 * conversations (--matrix) a summary of all pairs comes first and each conversation lists only its failed checks.
 */
final class SwitchDocument {

    private static final int ANSWER_EXCERPT = 40;

    private final SwitchReport report;
    private final List<Document.Block> blocks = new ArrayList<>();

    SwitchDocument(SwitchReport report) {
        this.report = report;
    }

    Document build() {
        settings();
        if (report.run().interrupted()) {
            blocks.add(new Document.Paragraph("Interrupted: this report holds the turns that finished.", true));
        }
        boolean many = report.conversations().size() > 1;
        if (many) {
            blocks.add(new Document.Heading("Pairs"));
            blocks.add(pairs());
        }
        for (Conversation c : report.conversations()) {
            conversation(c, many);
        }
        SwitchReport.Verdict v = report.verdict();
        String verdict = (v.passed() ? "PASS: all " + v.checksTotal() + " checks passed"
                : "FAIL: " + (v.checksTotal() - v.checksPassed()) + " of " + v.checksTotal() + " checks failed")
                + (many ? " (" + v.conversationsPassed() + " of " + v.conversations() + " conversations passed)" : "")
                + ".";
        blocks.add(new Document.Paragraph(verdict, !v.passed()));
        return new Document("Yardstick switch-test: " + report.script().name(), blocks);
    }

    /** The script's name for a model (shorter than its label; the settings list maps names to labels). */
    private String name(String label) {
        if (label == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        report.script().models().forEach((name, l) -> {
            if (l.equals(label)) {
                names.add(name);
            }
        });
        return names.isEmpty() ? label : String.join("/", names);
    }

    /** The settings as a two-column grid, so long model labels wrap to the terminal like the other tables. */
    private void settings() {
        SwitchReport.Script s = report.script();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("script", s.file() + " (" + s.turns() + " turns)"));
        s.models().forEach((name, label) -> rows.add(List.of("model " + name, label + modelNote(label))));
        rows.add(List.of("window", s.window() + "; " + s.reserveTokens() + " tokens reserved for each answer"));
        if (!s.chain().isEmpty()) {
            rows.add(List.of("failover", String.join(" → ", s.chain())));
        }
        rows.add(List.of("retry", describe(s.retry())));
        rows.add(List.of("circuit breaker", describe(s.circuitBreaker()) + " (one per model)"));
        report.run().clientWarmupLine().ifPresent(line -> rows.add(List.of(line.key(), line.value())));
        if (!s.faults().isEmpty()) {
            rows.add(List.of("faults", String.join(", ", s.faults())));
        }
        if (s.matrix()) {
            rows.add(List.of("matrix", "every ordered pair, switching at turn " + s.switchAt()));
        }
        blocks.add(new Document.Grid(List.of("setting", "value"), rows, List.of(false, false), true));
    }

    private String modelNote(String label) {
        return report.models().stream().filter(m -> m.model().equals(label)).findFirst()
                .map(m -> " (" + (m.synthetic() ? "synthetic, " : "") + "window "
                        + (m.contextWindow() == null ? "unknown" : m.contextWindow()) + ", " + m.tokenizer()
                        + (m.tokenSource().equals("estimated") ? " estimated" : "") + ")")
                .orElse("");
    }

    private static String describe(Map<String, Object> settings) {
        List<String> parts = new ArrayList<>();
        settings.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }

    private Document.Grid pairs() {
        List<List<String>> rows = new ArrayList<>();
        for (Conversation c : report.conversations()) {
            String firstFailure = c.checks().stream().filter(k -> !k.passed()).findFirst()
                    .map(k -> "turn " + k.turn() + ": " + k.check()).orElse("");
            rows.add(List.of(c.label(), c.passed() ? "pass" : "FAIL", c.completed() ? "yes" : "no",
                    c.checksPassed() + "/" + c.checks().size(), firstFailure));
        }
        return new Document.Grid(List.of("conversation", "result", "completed", "checks", "first failure"), rows,
                List.of(false, false, false, true, false), true);
    }

    private void conversation(Conversation c, boolean many) {
        blocks.add(new Document.Heading("Conversation: " + c.label()));
        blocks.add(turns(c));
        List<String> fitting = new ArrayList<>();
        for (Turn t : c.turns()) {
            if (t.fitting() != null && !t.fitting().isEmpty()) {
                fitting.add("turn " + t.turn() + " on " + name(t.model() != null ? t.model() : t.target()) + ": "
                        + t.tokensBefore() + (t.tokensAfter() == null ? "" : " → " + t.tokensAfter()) + " tokens"
                        + (t.available() == null ? "" : " of " + t.available() + " available")
                        + (t.ratio() == null ? "" : ", ratio " + Formats.number(t.ratio(), 2)) + " ("
                        + t.tokenizer() + "): " + t.fitting());
            }
        }
        if (!fitting.isEmpty()) {
            blocks.add(new Document.Heading("Fitting"));
            fitting.forEach(line -> blocks.add(new Document.Paragraph(line)));
        }
        if (!c.failovers().isEmpty()) {
            blocks.add(new Document.Heading("Failover"));
            for (Failover f : c.failovers()) {
                blocks.add(new Document.Paragraph(failover(f, name(f.from()), name(f.to())), f.to() == null
                        || Boolean.FALSE.equals(f.historyIntact())));
            }
        }
        if (!c.events().isEmpty()) {
            blocks.add(new Document.Heading("Resilience timeline"));
            blocks.add(timeline(c.events()));
            List<String> states = new ArrayList<>();
            c.breakers().forEach((model, state) -> states.add(name(model) + " " + state));
            blocks.add(new Document.Paragraph("Circuit breakers at the end: " + String.join(", ", states) + "."));
        }
        List<Check> shown = many ? c.checks().stream().filter(k -> !k.passed()).toList() : c.checks();
        if (!shown.isEmpty()) {
            blocks.add(new Document.Heading(many ? "Failed checks" : "Checks"));
            blocks.add(checks(shown));
        }
        if (!c.historyTokens().isEmpty()) {
            List<String> sizes = new ArrayList<>();
            c.historyTokens().forEach((model, tokens) -> sizes.add(name(model) + " " + tokens));
            blocks.add(new Document.Paragraph("Whole conversation in each model's tokens: " + String.join(", ", sizes)
                    + "."));
        }
    }

    private Document.Grid turns(Conversation c) {
        List<List<String>> rows = new ArrayList<>();
        for (Turn t : c.turns()) {
            String model = t.model() == null ? t.status() + " (" + name(t.target()) + ")"
                    : t.model().equals(t.target()) ? name(t.model())
                    : name(t.model()) + " (failover from " + name(t.target()) + ")";
            String tokens = t.tokensBefore() == null ? "–"
                    : t.tokensAfter() == null ? t.tokensBefore() + (t.available() == null ? "" : " > " + t.available())
                    : t.tokensBefore().equals(t.tokensAfter()) ? String.valueOf(t.tokensBefore())
                    : t.tokensBefore() + " → " + t.tokensAfter();
            rows.add(List.of(String.valueOf(t.turn()), model, String.valueOf(t.tries()), tokens,
                    t.ratio() == null ? "–" : Formats.number(t.ratio(), 2),
                    t.outputTokens() == null ? "–" : String.valueOf(t.outputTokens()),
                    t.latencyMs() == null ? "–" : Formats.ms(t.latencyMs()),
                    t.turnMs() == null ? "–" : Formats.ms(t.turnMs()),
                    t.checksTotal() == 0 ? "–" : t.checksPassed() + "/" + t.checksTotal(),
                    t.answer() == null ? "" : Formats.excerpt(t.answer(), ANSWER_EXCERPT)));
        }
        return new Document.Grid(List.of("turn", "model", "tries", "tokens in", "ratio", "out", "latency", "turn time",
                "checks", "answer"), rows,
                List.of(true, false, true, true, true, true, true, true, true, false), true);
    }

    private static String failover(Failover f, String from, String to) {
        String head = "turn " + f.turn() + ": " + from + " failed (" + f.cause() + ")";
        if (f.to() == null) {
            return head + "; no model in the chain answered (" + tries(f.triesBefore()) + ", "
                    + Formats.ms(f.tookMs()) + ")";
        }
        String intact = f.historyIntact() == null ? "" : Boolean.TRUE.equals(f.historyIntact())
                ? "; history reached the fallback intact" : "; history did NOT reach the fallback intact";
        return head + "; reached " + to + " in " + Formats.ms(f.tookMs()) + " after " + tries(f.triesBefore())
                + intact;
    }

    private static String tries(int n) {
        return n + (n == 1 ? " try" : " tries");
    }

    private Document.Grid timeline(List<Event> events) {
        List<List<String>> rows = new ArrayList<>();
        for (Event e : events) {
            rows.add(List.of(String.format(Locale.ROOT, "+%.0f ms", e.atMs()), String.valueOf(e.turn()),
                    name(e.model()), e.kind(), e.detail()));
        }
        return new Document.Grid(List.of("time", "turn", "model", "event", "detail"), rows,
                List.of(true, true, false, false, false), true);
    }

    private Document.Grid checks(List<Check> checks) {
        List<List<String>> rows = new ArrayList<>();
        for (Check k : checks) {
            rows.add(List.of(k.passed() ? "pass" : "FAIL", k.turn() == 0 ? "–" : String.valueOf(k.turn()),
                    k.model() == null ? "" : name(k.model()), k.check(), k.detail() == null ? "" : k.detail()));
        }
        return new Document.Grid(List.of("result", "turn", "model", "check", "detail"), rows,
                List.of(false, true, false, false, false), true);
    }
}
