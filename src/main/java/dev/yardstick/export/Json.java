package dev.yardstick.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.yardstick.report.Report;

/**
 * The one JSON mapping for reports, written and read back (report merge and diff, cost from a report): ISO
 * dates, no nulls (an undefined figure, NaN, is the one null: {@link NonFiniteNumbers}), and the derived views of {@link Report} never serialised.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder()
                    .characterEscapes(new TerminalSafeEscapes()).build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(Report.class, ReportMixin.class)
            .addModule(NonFiniteNumbers.module())
            .build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"document", "tabular"})
    private abstract static class ReportMixin {
    }

    /**
     * JSON's own escapes (every C0 control as {@code \u001b}), plus DEL and the C1 controls, which JSON allows raw
     * but a terminal may obey ({@code U+009B} starts an escape sequence): a report printed on a terminal is inert.
     */
    private static final class TerminalSafeEscapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch >= 0x80 && ch <= 0x9f ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
