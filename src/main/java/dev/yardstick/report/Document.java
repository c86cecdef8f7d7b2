package dev.yardstick.report;

import java.util.List;

/**
 * A report as readers see it, independent of how it is rendered: a title and blocks of headings, paragraphs,
 * key/value lists and grids. The table and Markdown exporters render any report through this one model, so a new
 * report needs no new exporter.
 */
public record Document(String title, List<Block> blocks) {

    public Document {
        blocks = List.copyOf(blocks);
    }

    /** One part of a document. */
    public sealed interface Block permits Heading, Paragraph, KeyValues, Grid {
    }

    public record Heading(String text) implements Block {
    }

    /** Prose; {@code emphasis} marks a verdict (a failed gate, a recommendation) that renderers make stand out. */
    public record Paragraph(String text, boolean emphasis) implements Block {
        public Paragraph(String text) {
            this(text, false);
        }
    }

    public record KeyValues(List<KeyValue> entries) implements Block {
        public KeyValues {
            entries = List.copyOf(entries);
        }
    }

    public record KeyValue(String key, String value) {
    }

    /**
     * A table. {@code numeric} marks columns to right-align; {@code wrap} says cells hold prose that may wrap to
     * fit the terminal (the side-by-side responses) rather than short values.
     */
    public record Grid(List<String> headers, List<List<String>> rows, List<Boolean> numeric, boolean wrap)
            implements Block {
        public Grid {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            numeric = List.copyOf(numeric);
            if (numeric.size() != headers.size()) {
                throw new IllegalArgumentException("numeric flags must match headers");
            }
        }
    }
}
