package dev.yardstick.stats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
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

    /**
     * Reads the fields as they stream (so an error keeps its line), each through the mapper's own deserializer of
     * its type; unknown fields are skipped, as for every report record.
     */
    static final class Reader extends StdDeserializer<ModelStats> {

        /** The non-distribution fields and their types; a {@code Double} is a {@code double} component. */
        private static final Map<String, Class<?>> PARTS = Map.ofEntries(Map.entry("model", String.class),
                Map.entry("requests", RequestCounts.class), Map.entry("errorRate", Double.class),
                Map.entry("window", Window.class), Map.entry("windowSeconds", Double.class),
                Map.entry("requestThroughput", Double.class), Map.entry("outputTokensPerSecond", Double.class),
                Map.entry("goodput", Double.class), Map.entry("sloAttainment", Double.class),
                Map.entry("slo", String.class), Map.entry("tokens", TokenTotals.class),
                Map.entry("flags", RequestFlags.class));

        Reader() {
            super(ModelStats.class);
        }

        @Override
        public ModelStats deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Map<String, Object> parts = new HashMap<>();
            Map<Metric, MetricSummary> summaries = new EnumMap<>(Metric.class);
            JsonToken token = p.currentToken() == JsonToken.START_OBJECT ? p.nextToken() : p.currentToken();
            for (; token == JsonToken.FIELD_NAME; token = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                Metric metric = METRICS_BY_FIELD.get(name);
                Class<?> type = metric != null ? MetricSummary.class : PARTS.get(name);
                if (type == null) {
                    p.skipChildren();
                } else if (metric != null) {
                    summaries.put(metric, (MetricSummary) read(p, ctxt, name, type));
                } else {
                    parts.put(name, read(p, ctxt, name, type));
                }
            }
            return new ModelStats((String) parts.get("model"), (RequestCounts) parts.get("requests"),
                    number(parts, "errorRate"), (Window) parts.get("window"), number(parts, "windowSeconds"),
                    number(parts, "requestThroughput"), number(parts, "outputTokensPerSecond"),
                    number(parts, "goodput"), number(parts, "sloAttainment"), (String) parts.get("slo"),
                    (TokenTotals) parts.get("tokens"), summaries, (RequestFlags) parts.get("flags"));
        }

        /** One field's value; JSON null stays null (a {@code double} reads it as NaN). */
        private static Object read(JsonParser p, DeserializationContext ctxt, String name, Class<?> type)
                throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return type == Double.class ? Double.NaN : null;
            }
            try {
                return ctxt.readValue(p, type);
            } catch (JsonMappingException e) {
                // Say where: a bad value deep in a report names its whole path (steps[0].models[0].requests...).
                throw JsonMappingException.wrapWithPath(e, ModelStats.class, name);
            }
        }

        /** As a {@code double} component reads: absent is 0. */
        private static double number(Map<String, Object> parts, String name) {
            Object value = parts.get(name);
            return value == null ? 0 : (Double) value;
        }
    }

    private static final Map<String, Metric> METRICS_BY_FIELD = byField();

    private static Map<String, Metric> byField() {
        Map<String, Metric> out = new HashMap<>();
        for (Metric metric : Metric.values()) {
            out.put(metric.field(), metric);
        }
        return Map.copyOf(out);
    }
}
