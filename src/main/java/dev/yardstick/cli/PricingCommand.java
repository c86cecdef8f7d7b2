package dev.yardstick.cli;

import dev.yardstick.cost.prices.PriceCatalog;
import dev.yardstick.cost.prices.PriceImport;
import dev.yardstick.cost.prices.PriceRow;
import dev.yardstick.report.PriceImportReport;
import dev.yardstick.report.PriceListReport;
import dev.yardstick.report.PriceShowReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

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
    static final class ListPrices extends SessionCommand {

        @Option(names = "--provider", paramLabel = "NAME", description = "Only this provider's models.")
        String provider;

        ListPrices(Session session) {
            super(session);
        }

        @Override
        protected int run() throws Exception {
            PriceCatalog catalog = PriceCatalog.load(session.config(common), session.env());
            output.emit(new PriceListReport(catalog.rowsOf(provider), PriceCatalog.userFile(session.env()).toString()),
                    session);
            return ExitCodes.OK;
        }
    }

    /** {@code pricing show MODEL}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show the price row in force for one model, and where it comes from.")
    static final class Show extends SessionCommand {

        @Parameters(paramLabel = "PROVIDER/MODEL", description = "e.g. openai/gpt-5-mini")
        String model;

        Show(Session session) {
            super(session);
        }

        @Override
        protected int run() throws Exception {
            PriceRow row = PriceCatalog.load(session.config(common), session.env()).require(model);
            output.emit(new PriceShowReport(model.trim(), row), session);
            return ExitCodes.OK;
        }
    }

    /** {@code pricing import FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import LiteLLM's model_prices_and_context_window.json, models.dev's api.json or "
                    + "OpenRouter's /api/v1/models into your price overrides (the format is recognised from the "
                    + "content; units are converted to USD per million tokens).",
                    "Each row keeps the date its price was true: models.dev's own last_updated, else --as-of, "
                            + "else the file's modification time (a warning says so). An imported row replaces "
                            + "the price in force (your override or the bundled catalog) only when it is not "
                            + "older; every replacement is listed with its change, and every row kept because the "
                            + "price in force is newer is listed with the reason (--force replaces them too).",
                    "A malformed entry (a price that is no number, a negative price) rejects the file with exit 2; "
                            + "--skip-invalid imports the rest and warns once per entry it skips."})
    static final class Import implements Callable<Integer> {

        private final Session session;

        @Parameters(paramLabel = "FILE", description = "The price list (JSON).")
        Path file;

        @Option(names = "--provider", paramLabel = "NAME", description = "Import only this provider's models.")
        String provider;

        @Option(names = "--as-of", paramLabel = "DATE",
                description = "The date the prices were true, YYYY-MM-DD, for rows the file does not date "
                        + "(default: the file's modification time).")
        String asOf;

        @Option(names = "--force", description = "Replace prices in force even where they are newer than the "
                + "import, or undated.")
        boolean force;

        @Option(names = "--skip-invalid", description = "Leave malformed entries out (each one warned about) "
                + "instead of rejecting the file.")
        boolean skipInvalid;

        @Option(names = "--into", paramLabel = "FILE",
                description = "The override file to write (default: $YARDSTICK_PRICES, else "
                        + "~/.config/yardstick/prices.yaml).")
        Path into;

        @Mixin
        OutputOptions output;

        Import(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() throws Exception {
            output.validate();
            Path target = into != null ? into : PriceCatalog.userFile(session.env());
            PriceImportReport report = PriceImportReport.of(PriceImport.importInto(file, target,
                    new PriceImport.Options(date(), provider, force, skipInvalid)));
            report.warnings().forEach(line -> session.log("yardstick: warning: " + line));
            output.emit(report, session);
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
