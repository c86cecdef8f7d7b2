package dev.yardstick.cli;

import picocli.CommandLine.Command;

/** The root command: only subcommands do work. */
@Command(name = "yardstick", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Which LLM to use, and whether a model change is safe: compare models side by side, "
                + "load-benchmark endpoints, project costs and test provider switches."},
        subcommands = {CompareCommand.class, BenchmarkCommand.class, ReportCommand.class, CostAnalyzeCommand.class,
                PricingCommand.class, SwitchTestCommand.class, ModelsCommand.class,
                picocli.CommandLine.HelpCommand.class,
                picocli.AutoComplete.GenerateCompletion.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 success, 1 a gate or check failed, 2 usage or input error,",
                "  3 provider or runtime failure with no result, 130 interrupted (partial results written)."})
public final class YardstickCommand {
}
