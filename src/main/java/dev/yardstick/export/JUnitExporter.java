package dev.yardstick.export;

import dev.yardstick.config.InputException;
import dev.yardstick.eval.CheckResult;
import dev.yardstick.report.CompareReport;
import dev.yardstick.report.Report;
import dev.yardstick.report.SampleRecord;
import dev.yardstick.report.scores.CaseRun;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML (the Ant/Jenkins form CI servers read) of a compare report: one test suite per model, one test case per
 * case × model (× repetition when repeated). A case whose checks failed carries a {@code <failure>} with each
 * failing check's message; a request that failed carries an {@code <error>} with its class and message.
 */
public final class JUnitExporter implements Exporter {

    @Override
    public void write(Report report, Appendable out) throws IOException {
        if (!(report instanceof CompareReport compare)) {
            throw new InputException("JUnit XML is written for compare reports only (use .json, .csv, .md or .txt)");
        }
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            List<SampleRecord> samples = compare.samples();
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "yardstick compare");
            xml.writeAttribute("tests", String.valueOf(samples.size()));
            xml.writeAttribute("failures", String.valueOf(samples.stream().filter(JUnitExporter::failed).count()));
            xml.writeAttribute("errors", String.valueOf(samples.stream().filter(s -> !s.ok()).count()));
            xml.writeAttribute("time", seconds(samples.stream().mapToDouble(SampleRecord::e2eMs).sum()));
            boolean repeated = samples.stream().anyMatch(s -> s.repetition() > 0);
            for (CompareReport.ModelSummary model : compare.summary()) {
                suite(xml, model.model(), samples.stream().filter(s -> s.model().equals(model.model())).toList(),
                        repeated, String.valueOf(compare.run().startedAt()));
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        out.append(text.toString()).append('\n');
    }

    private static void suite(XMLStreamWriter xml, String model, List<SampleRecord> samples, boolean repeated,
                              String timestamp) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", model);
        xml.writeAttribute("tests", String.valueOf(samples.size()));
        xml.writeAttribute("failures", String.valueOf(samples.stream().filter(JUnitExporter::failed).count()));
        xml.writeAttribute("errors", String.valueOf(samples.stream().filter(s -> !s.ok()).count()));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(samples.stream().mapToDouble(SampleRecord::e2eMs).sum()));
        xml.writeAttribute("timestamp", timestamp.replaceFirst("(\\.\\d+)?Z$", ""));
        for (SampleRecord s : samples) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", new CaseRun(s.promptId(), s.repetition(), repeated).label());
            xml.writeAttribute("classname", model);
            xml.writeAttribute("time", seconds(s.e2eMs()));
            if (!s.ok()) {
                xml.writeStartElement("error");
                xml.writeAttribute("message", ControlChars.forCsv(s.error().message()));
                xml.writeAttribute("type", s.error().errorClass());
                xml.writeCharacters(ControlChars.forCsv(s.error().errorClass() + ": " + s.error().message()));
                xml.writeEndElement();
            } else if (failed(s)) {
                List<String> messages = failures(s);
                xml.writeStartElement("failure");
                xml.writeAttribute("message", ControlChars.forCsv(String.join("; ", messages)));
                xml.writeAttribute("type", "assertion");
                xml.writeCharacters(ControlChars.forCsv(String.join("\n", messages) + "\n\nAnswer:\n" + s.text()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** A successful request whose answer failed a check, or whose case's assertions failed it. */
    private static boolean failed(SampleRecord s) {
        return s.ok() && (s.checks().stream().anyMatch(c -> !c.passed()) || (s.grade() != null && !s.grade().pass()));
    }

    /** Every failed check, then the case's verdict: its score against its threshold, and each failed assertion. */
    private static List<String> failures(SampleRecord s) {
        List<String> messages = new java.util.ArrayList<>(s.checks().stream().filter(c -> !c.passed())
                .map(c -> c.check() + (c.detail() == null || c.detail().isBlank() ? "" : ": " + c.detail()))
                .toList());
        if (s.grade() != null && !s.grade().pass()) {
            if (s.grade().threshold() != null) {
                messages.add(String.format(Locale.ROOT, "score %.2f < threshold %s", s.grade().score(),
                        s.grade().threshold()));
            }
            // A case's expect: block leads its graded assertions, and its checks already said what failed there.
            s.grade().assertions().stream().skip(s.checks().size())
                    .filter(a -> !a.pass() && (a.weight() > 0 || a.error())).forEach(a -> messages.add(a.label() + ": " + a.reason()));
        }
        return messages;
    }

    private static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000);
    }
}
