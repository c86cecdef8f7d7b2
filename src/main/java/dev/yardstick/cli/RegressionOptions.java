package dev.yardstick.cli;

import picocli.CommandLine.Option;

/** How a regression gate weighs noise: the options {@code benchmark --baseline} and {@code report diff} share. */
public final class RegressionOptions {

    @Option(names = "--confidence", paramLabel = "PERCENT", converter = SettingConverters.ToConfidence.class,
            description = "A change counts as a regression only when the two runs' confidence intervals at this level"
                    + " do not overlap (default 95%%).")
    Double confidence;

    @Option(names = "--gate-unsupported",
            description = "Also gate percentiles too few samples support (a p99 of fewer than 368 values at 95%%), on"
                    + " their change alone.")
    Boolean gateUnsupported;
}
