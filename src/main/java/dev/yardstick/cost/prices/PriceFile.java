package dev.yardstick.cost.prices;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.yardstick.config.InputException;
import dev.yardstick.config.YamlFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Yardstick's price list format, shared by the bundled catalog and the user's override file: a list of
 * {@link PriceRow}s under {@code prices:}, USD per million tokens, keys in kebab-case.
 */
record PriceFile(List<PriceRow> prices) {

    static final String BUNDLED_RESOURCE = "/dev/yardstick/cost/prices.yaml";

    private static final String HEADER = """
            # Yardstick price overrides: USD per million tokens, one row per model (see `yardstick pricing show`).
            # Rows here win over Yardstick's bundled catalog; `price:` in the config file wins over both.
            # Written by `yardstick pricing import`; edit freely.
            """;

    public PriceFile {
        prices = prices == null ? List.of() : List.copyOf(prices);
    }

    /** A user's price file; errors name the file, the line and the field. */
    public static PriceFile read(Path file, PriceOrigin origin) {
        PriceFile read = YamlFiles.read(file, PriceFile.class);
        return new PriceFile(read.prices.stream().map(row -> row.withOrigin(origin)).toList());
    }

    /** The catalog shipped in the jar. A fault in it is Yardstick's bug, not the user's. */
    public static PriceFile bundled() {
        try (InputStream in = PriceFile.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled price catalog " + BUNDLED_RESOURCE + " is missing");
            }
            PriceFile read = YamlFiles.mapper().readValue(in, PriceFile.class);
            return new PriceFile(read.prices.stream().map(row -> row.withOrigin(PriceOrigin.BUNDLED)).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the bundled price catalog is malformed: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the rows (without their origin, which the reader sets) under a header that says what the file is. */
    public void write(Path file) {
        ObjectMapper writer = YamlFiles.mapper().copy()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                        JsonInclude.Include.NON_EMPTY));
        ((YAMLFactory) writer.getFactory())
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES);
        List<PriceRow> plain = prices.stream().map(row -> row.withOrigin(null)).toList();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, HEADER + writer.writeValueAsString(new PriceFile(plain)));
        } catch (IOException e) {
            throw new InputException("cannot write price file " + file + ": " + e.getMessage());
        }
    }
}
