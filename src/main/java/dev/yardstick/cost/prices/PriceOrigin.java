package dev.yardstick.cost.prices;

import java.util.Locale;

/** Where a price row came from; the catalog's precedence runs from {@link #CONFIG} down to {@link #UNPRICED}. */
public enum PriceOrigin {
    /** {@code price:} in the config file, for a model or for every model of an endpoint. */
    CONFIG,
    /** The user's override file, written by {@code yardstick pricing import}. */
    USER,
    /** Yardstick's own catalog, shipped in the jar. */
    BUNDLED,
    /** A local or mock model nobody priced: it costs zero, and every output says so. */
    UNPRICED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
