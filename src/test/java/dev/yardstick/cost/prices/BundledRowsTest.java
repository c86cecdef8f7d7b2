package dev.yardstick.cost.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.YardstickConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled catalog is parsed only for a lookup it may answer, and the text check never hides one of its rows. */
class BundledRowsTest {

    @TempDir
    Path home;

    @Test
    void everyNameAndAliasOfTheBundledCatalogPassesTheTextCheck() {
        BundledRows shipped = BundledRows.shipped();
        for (PriceRow row : PriceFile.bundled().prices()) {
            assertTrue(shipped.mayName(row.key()), row.model());
            for (String alias : row.aliases()) {
                assertTrue(shipped.mayName(ProviderNames.key(alias)), alias);
            }
        }
    }

    @Test
    void aModelTheCatalogDoesNotNameIsLookedUpWithoutParsingIt() {
        PriceCatalog catalog = PriceCatalog.load(YardstickConfig.EMPTY, noUserFile());
        assertTrue(catalog.find("openai/bench-model").isEmpty());
        assertTrue(catalog.find("mock/instant").isPresent(), "self-hosted models are still unpriced rows");
        assertFalse(catalog.bundledParsed());
    }

    @Test
    void aModelTheCatalogNamesIsPricedFromIt() {
        PriceCatalog catalog = PriceCatalog.load(YardstickConfig.EMPTY, noUserFile());
        assertEquals(1.75, catalog.require("OpenAI/GPT-5.2").input(), "names are looked up case-insensitively");
        assertTrue(catalog.bundledParsed());
        assertEquals(PriceCatalog.bundled().rows(), catalog.rows());
    }

    @Test
    void listingTheRowsReadsTheCatalog() {
        PriceCatalog catalog = PriceCatalog.load(YardstickConfig.EMPTY, noUserFile());
        assertFalse(catalog.rowsOf("openai").isEmpty());
        assertTrue(catalog.bundledParsed());
    }

    private Map<String, String> noUserFile() {
        return Map.of(PriceCatalog.PRICES_ENV, home.resolve("prices.yaml").toString());
    }
}
