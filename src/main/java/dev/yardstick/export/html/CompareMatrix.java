package dev.yardstick.export.html;

import dev.yardstick.report.CompareReport;
import dev.yardstick.report.SampleRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A comparison's cases against its models: one row per case, one column per model, each cell the verdict over the
 * case's answers (its assertions where it has them, else its checks, else whether the request succeeded) and the
 * answers themselves, folded, so the page stays short and a reader opens the ones that interest them.
 */
final class CompareMatrix {

    private CompareMatrix() {
    }

    static void write(CompareReport report, StringBuilder out) {
        List<String> models = report.summary().stream().map(CompareReport.ModelSummary::model).toList();
        Map<String, Map<String, List<SampleRecord>>> cells = new LinkedHashMap<>();
        report.prompts().forEach(p -> cells.put(p.id(), new LinkedHashMap<>()));
        for (SampleRecord s : report.samples()) {
            cells.computeIfAbsent(s.promptId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.model(), k -> new ArrayList<>()).add(s);
        }
        Map<String, String> prompts = new LinkedHashMap<>();
        report.prompts().forEach(p -> prompts.put(p.id(), p.prompt()));
        out.append("<div class=\"table-wrap\"><table class=\"matrix\">\n<thead><tr><th>case</th>");
        models.forEach(m -> out.append("<th>").append(Html.text(m)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        cells.forEach((id, byModel) -> {
            out.append("<tr><td><strong>").append(Html.text(id)).append("</strong>");
            String prompt = prompts.get(id);
            if (prompt != null && !prompt.isBlank()) {
                out.append("<details><summary>prompt</summary><pre>").append(Html.text(prompt))
                        .append("</pre></details>");
            }
            out.append("</td>");
            for (String model : models) {
                cell(byModel.getOrDefault(model, List.of()), out);
            }
            out.append("</tr>\n");
        });
        out.append("</tbody></table></div>\n");
    }

    private static void cell(List<SampleRecord> samples, StringBuilder out) {
        out.append("<td>");
        if (samples.isEmpty()) {
            out.append("<span class=\"badge none\">not run</span></td>");
            return;
        }
        long passed = samples.stream().filter(CompareMatrix::passed).count();
        boolean all = passed == samples.size();
        out.append("<span class=\"badge ").append(all ? "pass" : "fail").append("\">")
                .append(all ? "pass" : "fail").append(samples.size() > 1 ? " " + passed + "/" + samples.size() : "")
                .append("</span>");
        SampleRecord first = samples.getFirst();
        if (first.ok()) {
            out.append(String.format(Locale.ROOT, " <small>%.0f ms</small>", first.e2eMs()));
        }
        for (SampleRecord s : samples) {
            // the first answer open: the matrix reads as answers side by side, the repetitions one click away
            out.append(s == first ? "<details open><summary>" : "<details><summary>").append(samples.size() > 1 ? "answer " + (s.repetition() + 1) : "answer")
                    .append(s.ok() ? "" : " (failed)").append("</summary>");
            if (s.error() != null) {
                out.append("<p class=\"fail\">").append(Html.text(s.error().errorClass())).append(": ")
                        .append(Html.text(s.error().message())).append("</p>");
            }
            if (s.text() != null && !s.text().isEmpty()) {
                out.append("<pre>").append(Html.text(s.text())).append("</pre>");
            }
            failedChecks(s, out);
            out.append("</details>");
        }
        out.append("</td>");
    }

    private static void failedChecks(SampleRecord s, StringBuilder out) {
        List<String> failed = new ArrayList<>();
        if (s.checks() != null) {
            s.checks().stream().filter(c -> !c.passed()).forEach(c -> failed.add(c.check()
                    + (c.detail() == null || c.detail().isBlank() ? "" : ": " + c.detail())));
        }
        if (s.grade() != null && !s.grade().pass()) {
            failed.add(s.grade().reason());
        }
        if (!failed.isEmpty()) {
            out.append("<ul>");
            failed.forEach(f -> out.append("<li class=\"fail\">").append(Html.text(f)).append("</li>"));
            out.append("</ul>");
        }
    }

    /** The case's verdict on one answer: its assertions where graded, else its checks, else success. */
    static boolean passed(SampleRecord s) {
        if (!s.ok()) {
            return false;
        }
        if (s.grade() != null) {
            return s.grade().pass();
        }
        return s.checks() == null || s.checks().stream().allMatch(c -> c.passed());
    }
}
