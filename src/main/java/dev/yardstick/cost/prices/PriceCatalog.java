package dev.yardstick.cost.prices;

import dev.yardstick.config.EndpointConfig;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelConfig;
import dev.yardstick.config.PriceConfig;
import dev.yardstick.config.YardstickConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every price Yardstick knows, looked up by {@code provider/model}. Precedence, highest first: a model's
 * {@code price:} in the config file, then its endpoint's {@code price:}, then the user's override file
 * ({@code $YARDSTICK_PRICES} or {@code ~/.config/yardstick/prices.yaml}), then the bundled catalog. A name matches
 * a row's own name or one of the aliases the row lists, nothing looser: a dated snapshot or a router's name for a
 * model is priced only where a row says so, because it may cost something else. Local and mock models cost zero,
 * marked unpriced, unless configured.
 */
public final class PriceCatalog {

    public static final String PRICES_ENV = "YARDSTICK_PRICES";
    private static final Set<String> SELF_HOSTED = Set.of("local", "mock");

    private final Map<String, PriceRow> configured;
    private final Map<String, PriceRow> endpoints;
    private final List<PriceRow> user;
    /** The user's rows by name and alias; they shadow the bundled ones. */
    private final Map<String, PriceRow> userListed = new LinkedHashMap<>();
    private final BundledRows bundled;
    /** The bundled rows by name and alias, once a lookup needed them (see {@link BundledRows}). */
    private Map<String, PriceRow> bundledListed;
    private List<PriceRow> rows;
    /** {@code pool:NAME} → its first member's label: a pool serves one model, priced as that model. */
    private final Map<String, String> pools = new LinkedHashMap<>();

    private PriceCatalog(BundledRows bundled, List<PriceRow> user, YardstickConfig config) {
        this.bundled = bundled;
        this.user = List.copyOf(user);
        index(this.user, userListed);
        this.configured = configuredModels(config == null ? YardstickConfig.EMPTY : config);
        this.endpoints = configuredEndpoints(config == null ? YardstickConfig.EMPTY : config);
        if (config != null) {
            config.pools().forEach((name, pool) -> pools.put(
                    new dev.yardstick.config.ModelSpec(dev.yardstick.config.ModelSpec.POOL, name, null).label(),
                    pool.specs().getFirst().label()));
        }
    }

    /** The bundled catalog alone. */
    public static PriceCatalog bundled() {
        return new PriceCatalog(BundledRows.shipped(), List.of(), YardstickConfig.EMPTY);
    }

    public static PriceCatalog of(List<PriceRow> bundled, List<PriceRow> user, YardstickConfig config) {
        return new PriceCatalog(BundledRows.of(bundled), user, config);
    }

    /** The bundled catalog, the user's override file if there is one, and the config file's prices. */
    public static PriceCatalog load(YardstickConfig config, Map<String, String> env) {
        Path userFile = userFile(env);
        List<PriceRow> user = Files.isRegularFile(userFile)
                ? PriceFile.read(userFile, PriceOrigin.USER).prices() : List.of();
        return new PriceCatalog(BundledRows.shipped(), user, config);
    }

    /**
     * Where the user's override file lives: {@code $YARDSTICK_PRICES}, else {@code ~/.config/yardstick/prices.yaml}.
     * It need not exist yet (an import creates it), but a directory there is an input error: ignoring it would
     * cost everything at the bundled prices while the user believes their overrides are in force.
     */
    public static Path userFile(Map<String, String> env) {
        String explicit = env.get(PRICES_ENV);
        if (explicit != null && !explicit.isBlank()) {
            Path file = Path.of(explicit);
            if (Files.isDirectory(file)) {
                throw new InputException(PRICES_ENV + " names a directory, not a price file: " + explicit
                        + " (point it at a YAML file, e.g. " + file.resolve("prices.yaml") + ")");
            }
            return file;
        }
        Path file = Path.of(System.getProperty("user.home"), ".config", "yardstick", "prices.yaml");
        if (Files.isDirectory(file)) {
            throw new InputException(file + " is a directory, not a price file: remove it, or set " + PRICES_ENV
                    + " to your price file");
        }
        return file;
    }

    /** The price in force for a model, or empty when nobody priced it. */
    public Optional<PriceRow> find(String label) {
        String member = label == null ? null : pools.get(label.trim());
        if (member != null) {
            return find(member);
        }
        String key = ProviderNames.key(label);
        PriceRow row = configured.get(key);
        if (row != null) {
            return Optional.of(row);
        }
        String provider = ProviderNames.provider(key);
        PriceRow endpoint = endpoints.get(provider);
        if (endpoint != null) {
            return Optional.of(endpoint.renamed(label.trim()));
        }
        row = listed(key);
        if (row != null) {
            return Optional.of(row);
        }
        if (SELF_HOSTED.contains(provider)) {
            return Optional.of(PriceRow.unpriced(label.trim()));
        }
        return Optional.empty();
    }

    /** The price in force for a model; a model nobody priced is an input error, never a zero cost. */
    public PriceRow require(String label) {
        return find(label).orElseThrow(() -> new InputException(missing(label)));
    }

    /** The one line that says a model has no price and how to give it one. */
    public static String missing(String label) {
        return "no price for '" + label.trim() + "': import one (yardstick pricing import FILE) or set models.'"
                + label.trim() + "'.price in the config file";
    }

    /**
     * Every row in force, sorted by name: configured models, configured endpoints (named {@code endpoint/*}), the
     * user's rows and the bundled rows nobody overrode.
     */
    public synchronized List<PriceRow> rows() {
        if (rows == null) {
            rows = effectiveRows(bundled.rows(), user);
        }
        return rows;
    }

    /** The rows of one provider's models (by any of its names, e.g. google or gemini); every row when null. */
    public List<PriceRow> rowsOf(String provider) {
        if (provider == null) {
            return rows();
        }
        String wanted = ProviderNames.canonical(provider);
        return rows().stream().filter(r -> ProviderNames.provider(r.model()).equals(wanted)).toList();
    }

    private List<PriceRow> effectiveRows(List<PriceRow> bundled, List<PriceRow> user) {
        Map<String, PriceRow> byKey = new LinkedHashMap<>();
        for (List<PriceRow> layer : List.of(List.copyOf(configured.values()), List.copyOf(endpoints.values()), user,
                bundled)) {
            for (PriceRow row : layer) {
                byKey.putIfAbsent(row.key(), row);
            }
        }
        List<PriceRow> all = new ArrayList<>(byKey.values());
        all.sort(Comparator.comparing(PriceRow::key));
        return List.copyOf(all);
    }

    /** Whether a lookup or a listing needed the bundled rows so far. */
    boolean bundledParsed() {
        return bundled.parsed();
    }

    /** A user's row by name or alias, else a bundled one; the bundled catalog is parsed only if it may hold it. */
    private PriceRow listed(String key) {
        PriceRow row = userListed.get(key);
        if (row != null || !bundled.mayName(key)) {
            return row;
        }
        return bundledListed().get(key);
    }

    private synchronized Map<String, PriceRow> bundledListed() {
        if (bundledListed == null) {
            Map<String, PriceRow> index = new LinkedHashMap<>();
            index(bundled.rows(), index);
            bundledListed = index;
        }
        return bundledListed;
    }

    private static void index(List<PriceRow> layer, Map<String, PriceRow> into) {
        for (PriceRow row : layer) {
            into.putIfAbsent(row.key(), row);
        }
        for (PriceRow row : layer) {
            for (String alias : row.aliases()) {
                into.putIfAbsent(ProviderNames.key(alias), row);
            }
        }
    }

    private Map<String, PriceRow> configuredModels(YardstickConfig config) {
        Map<String, PriceRow> result = new LinkedHashMap<>();
        for (Map.Entry<String, ModelConfig> entry : config.models().entrySet()) {
            PriceConfig price = entry.getValue().price();
            if (price == null) {
                continue;
            }
            String label = entry.getKey().trim();
            PriceRow base = listed(ProviderNames.key(label));
            Integer context = entry.getValue().contextWindow();
            result.put(ProviderNames.key(label), fromConfig(label, price, base, context,
                    "config file: models.'" + label + "'.price"));
        }
        return result;
    }

    private static Map<String, PriceRow> configuredEndpoints(YardstickConfig config) {
        Map<String, PriceRow> result = new LinkedHashMap<>();
        for (Map.Entry<String, EndpointConfig> entry : config.endpoints().entrySet()) {
            PriceConfig price = entry.getValue().price();
            if (price == null) {
                continue;
            }
            String name = ProviderNames.canonical(entry.getKey());
            result.put(name, fromConfig(name + "/*", price, null, entry.getValue().contextWindow(),
                    "config file: endpoints." + entry.getKey() + ".price"));
        }
        return result;
    }

    /**
     * A configured price replaces the catalog's prices (and its long-context tier, whose prices are absolute) but
     * keeps what the user did not restate: the limits, and the batch discount, which is a share of any price.
     */
    private static PriceRow fromConfig(String label, PriceConfig price, PriceRow base, Integer contextWindow,
                                       String where) {
        try {
            return new PriceRow(label, List.of(), price.input(), price.cachedInput(), price.cacheWrite(),
                    price.output(), base == null ? null : base.batchDiscount(), null, price.perHour(),
                    contextWindow != null ? contextWindow : base == null ? null : base.contextWindow(),
                    base == null ? null : base.maxInput(), base == null ? null : base.maxOutput(),
                    price.source() != null && !price.source().isBlank() ? price.source() : where, null,
                    PriceOrigin.CONFIG);
        } catch (InputException e) {
            throw new InputException(where + ": " + e.getMessage());
        }
    }
}
