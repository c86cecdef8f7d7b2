package dev.yardstick.cli;

import dev.yardstick.cost.PriceCatalog;
import dev.yardstick.cost.PriceImport;
import dev.yardstick.cost.PriceListReport;
import dev.yardstick.cost.PriceRow;
import dev.yardstick.cost.PriceShowReport;
import dev.yardstick.cost.ProviderNames;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yardstick pricing list|show|import}: the prices costs are computed with, and how to override them. */
@Command(name = "pricing", mixinStandardHelpOptions = true,
        description = {"Show the prices Yardstick costs models with (USD per million tokens), or import a price "
                + "list into your overrides.",
                "Precedence: price: in the config file, then your overrides ($YARDSTICK_PRICES or "
                        + "~/.config/yardstick/prices.yaml), then the bundled catalog."},
        subcommands = {PricingCommand.ListPrices.class, PricingCommand.Show.class, PricingCommand.Import.class})
public final class PricingCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, show or import");
    }

    /** {@code pricing list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every price in force, with its source and date.")
    static final class ListPrices implements Callable<Integer> {

        private final Session session;

        @Option(names = "--provider", paramLabel = "NAME", description = "Only this provider's models.")
        String provider;

        @Mixin
        OutputOptions output;

        @Mixin
        CommonOptions common;

        ListPrices(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() throws Exception {
            output.validate();
            PriceCatalog catalog = PriceCatalog.load(session.config(common), session.env());
            List<PriceRow> rows = catalog.rows().stream()
                    .filter(r -> provider == null || ProviderNames.provider(r.model())
                            .equals(ProviderNames.canonical(provider)))
                    .toList();
            output.emit(new PriceListReport(rows, PriceCatalog.userFile(session.env()).toString()), session);
            return ExitCodes.OK;
        }
    }

    /** {@code pricing show MODEL}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show the price row in force for one model, and where it comes from.")
    static final class Show implements Callable<Integer> {

        private final Session session;

        @Parameters(paramLabel = "PROVIDER/MODEL", description = "e.g. openai/gpt-5-mini")
        String model;

        @Mixin
        OutputOptions output;

        @Mixin
        CommonOptions common;

        Show(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() throws Exception {
            output.validate();
            PriceRow row = PriceCatalog.load(session.config(common), session.env()).require(model);
            output.emit(new PriceShowReport(model.trim(), row), session);
            return ExitCodes.OK;
        }
    }

    /** {@code pricing import FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import LiteLLM's model_prices_and_context_window.json, models.dev's api.json or "
                    + "OpenRouter's /api/v1/models into your price overrides (the format is recognised from the "
                    + "content; units are converted to USD per million tokens). Imported rows replace rows of the "
                    + "same model; other rows are kept."})
    static final class Import implements Callable<Integer> {

        private final Session session;

        @Parameters(paramLabel = "FILE", description = "The price list (JSON).")
        Path file;

        @Option(names = "--provider", paramLabel = "NAME", description = "Import only this provider's models.")
        String provider;

        @Option(names = "--as-of", paramLabel = "DATE",
                description = "The date the prices were true, YYYY-MM-DD (default: today).")
        String asOf;

        @Option(names = "--into", paramLabel = "FILE",
                description = "The override file to write (default: $YARDSTICK_PRICES, else "
                        + "~/.config/yardstick/prices.yaml).")
        Path into;

        Import(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            Path target = into != null ? into : PriceCatalog.userFile(session.env());
            PriceImport.Result result = PriceImport.importInto(file, target, new PriceImport.Options(date(),
                    provider));
            session.out().println(String.format(Locale.ROOT,
                    "Imported %,d prices (%s format) into %s: %,d new, %,d replaced, %,d kept; %,d entries skipped "
                            + "(not priced per token%s).", result.added() + result.replaced(),
                    result.format().name().toLowerCase(Locale.ROOT).replace('_', '.'), result.file(),
                    result.added(), result.replaced(), result.kept(), result.skipped(),
                    provider == null ? "" : ", or not " + provider));
            session.out().flush();
            return ExitCodes.OK;
        }

        private LocalDate date() {
            if (asOf == null) {
                return null;
            }
            try {
                return LocalDate.parse(asOf.trim());
            } catch (DateTimeParseException e) {
                throw new dev.yardstick.config.InputException("--as-of must be a date like 2026-07-02, got '"
                        + asOf + "'");
            }
        }
    }
}
