package dev.yardstick.cli;

import dev.yardstick.config.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the tool's version and the Java it runs on. */
public final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"yardstick " + ToolVersion.current() + " (Java " + Runtime.version() + ")"};
    }
}
