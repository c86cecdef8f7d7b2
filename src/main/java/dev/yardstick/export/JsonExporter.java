package dev.yardstick.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.yardstick.report.Report;
import java.io.IOException;

/** The report record itself, as indented JSON (the document and tabular views are derived, so left out). */
public final class JsonExporter implements Exporter {

    private static final ObjectMapper JSON = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(Report report, Appendable out) throws IOException {
        out.append(JSON.writeValueAsString(report)).append('\n');
    }
}
