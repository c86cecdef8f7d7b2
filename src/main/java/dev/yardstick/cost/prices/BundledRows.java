package dev.yardstick.cost.prices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The bundled catalog's rows, parsed on first need. Parsing them loads the YAML reader and Jackson's data binding
 * (about 700 classes: 0.09 s of CPU and 2 MB of a one-prompt compare's peak RSS in a fresh process), which a run of
 * models the catalog does not name (a loopback, self-hosted or mock server) never needs: {@link #mayName} tells from
 * the file's text alone, without parsing it, whether a lookup key could match one of its rows or aliases.
 */
final class BundledRows {

    private final Supplier<List<PriceRow>> parse;
    /** The catalog's text, lower-cased; null when every key may match (rows given, not read from the jar). */
    private final String text;
    private List<PriceRow> rows;

    private BundledRows(Supplier<List<PriceRow>> parse, String text) {
        this.parse = parse;
        this.text = text;
    }

    /** The catalog shipped in the jar. */
    static BundledRows shipped() {
        return new BundledRows(() -> PriceFile.bundled().prices(), Shipped.TEXT);
    }

    /** Rows already in hand: every key may match. */
    static BundledRows of(List<PriceRow> rows) {
        List<PriceRow> copy = List.copyOf(rows);
        return new BundledRows(() -> copy, null);
    }

    /**
     * False only when no row or alias can have this lookup key: every name in the file is {@code provider/model},
     * and the key's model part after its slash (the provider may be spelled another way there, e.g. google for
     * gemini; the case too, which the lower-cased text absorbs) appears nowhere in it.
     */
    boolean mayName(String key) {
        return text == null || text.contains(key.substring(key.indexOf('/')));
    }

    /** Whether the rows were needed yet. */
    synchronized boolean parsed() {
        return rows != null;
    }

    synchronized List<PriceRow> rows() {
        if (rows == null) {
            rows = parse.get();
        }
        return rows;
    }

    /** Read once per process, on the first catalog loaded from the jar. */
    private static final class Shipped {
        static final String TEXT = read();

        private static String read() {
            try (InputStream in = PriceFile.class.getResourceAsStream(PriceFile.BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled price catalog " + PriceFile.BUNDLED_RESOURCE
                            + " is missing");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
