package dev.yardstick.stats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The JSON form of {@link ModelStats}: its components in order, except that the distributions are not one map but
 * one field per {@link Metric} ({@code "e2e": {...}, "ttft": {...}, ...}) where the map stands, so a new metric is a
 * new field and reports read by jq ({@code .summary[].stats.ttft.p50}) keep their paths. Values go through the
 * mapper's own serializers (NaN and nulls as it is configured); nulls are left out.
 */
final class ModelStatsJson {

    private ModelStatsJson() {
    }

    static final class Writer extends StdSerializer<ModelStats> {

        Writer() {
            super(ModelStats.class);
        }

        @Override
        public void serialize(ModelStats s, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject(s);
            field(gen, provider, "model", s.model());
            field(gen, provider, "requests", s.requests());
            field(gen, provider, "errorRate", s.errorRate());
            field(gen, provider, "window", s.window());
            field(gen, provider, "windowSeconds", s.windowSeconds());
            field(gen, provider, "requestThroughput", s.requestThroughput());
            field(gen, provider, "outputTokensPerSecond", s.outputTokensPerSecond());
            field(gen, provider, "goodput", s.goodput());
            field(gen, provider, "sloAttainment", s.sloAttainment());
            field(gen, provider, "slo", s.slo());
            field(gen, provider, "tokens", s.tokens());
            for (Metric metric : Metric.values()) {
                field(gen, provider, metric.field(), s.metric(metric));
            }
            field(gen, provider, "flags", s.flags());
            gen.writeEndObject();
        }

        private static void field(JsonGenerator gen, SerializerProvider provider, String name, Object value)
                throws IOException {
            if (value != null) {
                provider.defaultSerializeField(name, value, gen);
            }
        }
    }

    static final class Reader extends StdDeserializer<ModelStats> {

        Reader() {
            super(ModelStats.class);
        }

        @Override
        public ModelStats deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            Map<Metric, MetricSummary> summaries = new EnumMap<>(Metric.class);
            for (Metric metric : Metric.values()) {
                summaries.put(metric, value(ctxt, node, metric.field(), MetricSummary.class));
            }
            return new ModelStats(value(ctxt, node, "model", String.class),
                    value(ctxt, node, "requests", RequestCounts.class), number(ctxt, node, "errorRate"),
                    value(ctxt, node, "window", Window.class), number(ctxt, node, "windowSeconds"),
                    number(ctxt, node, "requestThroughput"), number(ctxt, node, "outputTokensPerSecond"),
                    number(ctxt, node, "goodput"), number(ctxt, node, "sloAttainment"),
                    value(ctxt, node, "slo", String.class), value(ctxt, node, "tokens", TokenTotals.class),
                    summaries, value(ctxt, node, "flags", RequestFlags.class));
        }

        private static <T> T value(DeserializationContext ctxt, JsonNode node, String name, Class<T> type)
                throws IOException {
            JsonNode field = node.get(name);
            return field == null || field.isNull() ? null : ctxt.readTreeAsValue(field, type);
        }

        /** As a {@code double} component reads: absent is 0, null (an undefined figure) NaN. */
        private static double number(DeserializationContext ctxt, JsonNode node, String name) throws IOException {
            JsonNode field = node.get(name);
            if (field == null) {
                return 0;
            }
            return field.isNull() ? Double.NaN : ctxt.readTreeAsValue(field, Double.class);
        }
    }
}
