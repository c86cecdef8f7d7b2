package dev.yardstick.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command: only subcommands do work. They are added by {@link #commandLine}, not listed in the annotation,
 * so that a run builds the option tree of the command it runs and no other.
 */
@Command(name = "yardstick", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Which LLM to use, and whether a model change is safe: compare models side by side, "
                + "load-benchmark endpoints, project costs and test provider switches."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 success, 1 a gate or check failed, 2 usage or input error,",
                "  3 provider or runtime failure with no result, 130 interrupted (partial results written)."})
public final class YardstickCommand {

    /** The commands that do work, in the order {@code --help} lists them. */
    static final List<Class<?>> COMMANDS = List.of(CompareCommand.class, BenchmarkCommand.class,
            ReportCommand.class, CostAnalyzeCommand.class, PricingCommand.class, SwitchTestCommand.class,
            ModelsCommand.class);
    /** picocli's {@code help} and {@code generate-completion}, listed after them: they read every other command. */
    static final List<Class<?>> ABOUT_COMMANDS = List.of(CommandLine.HelpCommand.class,
            picocli.AutoComplete.GenerateCompletion.class);

    /**
     * The command line for these arguments. picocli builds a command's whole tree of options, mixins and converters
     * by reflection when it is added, and its classes (Java 5 bytecode) are outside any start-up cache, so building
     * all nine costs a one-prompt compare about 0.2 s of CPU more than building the one it runs. When the first
     * argument names a command (the root takes no positional argument, so nothing else can come first), only that
     * one is added; anything else ({@code --help}, {@code help}, a misspelt name that wants a suggestion, no
     * argument) gets them all, and parses and prints as before.
     */
    static CommandLine commandLine(String[] args, CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new YardstickCommand(), factory);
        Class<?> named = args.length == 0 ? null : COMMANDS.stream()
                .filter(type -> type.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().orElse(null);
        if (named != null) {
            cli.addSubcommand(named);
        } else {
            COMMANDS.forEach(cli::addSubcommand);
            ABOUT_COMMANDS.forEach(cli::addSubcommand);
        }
        return cli;
    }
}
