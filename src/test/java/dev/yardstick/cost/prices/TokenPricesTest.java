package dev.yardstick.cost.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonPointer;
import dev.yardstick.export.Json;
import org.junit.jupiter.api.Test;

/** The one rule every price importer reads a model's (and a long-context tier's) four token prices by. */
class TokenPricesTest {

    private static final TokenPrices.Fields PER_TOKEN = new TokenPrices.Fields("in", "out", "read", "write",
            1_000_000.0);

    private static PriceEntry entry(String json) throws Exception {
        return new PriceEntry("m", JsonPointer.empty(), Json.mapper().readTree(json));
    }

    @Test
    void pricesAreReadPerMillionAndAZeroCachePriceIsNone() throws Exception {
        TokenPrices prices = TokenPrices.required(entry("""
                {"in": 2.5e-06, "out": "1e-05", "read": 1.25e-06, "write": 0}"""), PER_TOKEN);
        assertEquals(new TokenPrices(2.5, 1.25, null, 10.0), prices);
        assertEquals(new LongContextTier(200_000L, 2.5, 1.25, null, 10.0), prices.above(200_000));
    }

    @Test
    void withoutAnInputOrOutputPriceTheModelIsUnpricedWhateverItsCacheFieldsHold() throws Exception {
        PriceEntry noOutput = entry("""
                {"in": 1e-06, "read": -1}""");
        assertNull(TokenPrices.of(noOutput, PER_TOKEN));
        ImportedRows.Skipped skipped = assertThrows(ImportedRows.Skipped.class,
                () -> TokenPrices.required(noOutput, PER_TOKEN));
        assertEquals(TokenPrices.UNPRICED, skipped.getMessage());
        PriceEntry negative = entry("""
                {"in": 1e-06, "out": 1e-06, "read": -1}""");
        PriceEntry.Malformed malformed = assertThrows(PriceEntry.Malformed.class,
                () -> TokenPrices.of(negative, PER_TOKEN));
        assertEquals("read", malformed.entry().field());
    }

    @Test
    void aTiersFieldsAreTheModelsWithAPrefixOrSuffix() throws Exception {
        PriceEntry entry = entry("""
                {"cost": {"tier": {"in": 3, "out": 6}}, "in_above": 4e-06, "out_above": 8e-06}""");
        TokenPrices.Fields perMillion = new TokenPrices.Fields("in", "out", "read", "write", 1.0);
        assertEquals(new TokenPrices(3, null, null, 6), TokenPrices.of(entry, perMillion.prefixed("cost/tier/")));
        assertEquals(new TokenPrices(4, null, null, 8), TokenPrices.of(entry, PER_TOKEN.suffixed("_above")));
    }
}
