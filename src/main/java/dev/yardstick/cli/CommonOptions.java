package dev.yardstick.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: the config file and verbosity. */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML config file (endpoints, model settings, prices). Default: $YARDSTICK_CONFIG, "
                    + "then ./yardstick.yaml if present.")
    Path config;

    @Option(names = {"-v", "--verbose"}, description = "Log more on stderr (stack traces of internal errors).")
    boolean verbose;
}
