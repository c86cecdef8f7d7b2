package dev.yardstick.cli;

import dev.yardstick.provider.Availability;
import dev.yardstick.provider.Provider;
import dev.yardstick.provider.ProviderRegistry;
import dev.yardstick.report.ModelsReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;

/** Lists the providers and whether each is usable here (key present, server reachable, model file found). */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the providers Yardstick knows and whether each is usable here, and why not.")
public final class ModelsCommand extends SessionCommand {

    public ModelsCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() throws Exception {
        ProviderRegistry registry = session.registry(common);
        List<ModelsReport.ProviderStatus> statuses = new ArrayList<>();
        // Probes may wait on the network: run them side by side so the listing takes one timeout, not one each.
        try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Availability>> futures = new ArrayList<>();
            for (Provider provider : registry.all()) {
                futures.add(probes.submit(() -> provider.availability(registry.context())));
            }
            int i = 0;
            for (Provider provider : registry.all()) {
                Availability a = futures.get(i++).get();
                statuses.add(new ModelsReport.ProviderStatus(provider.name(), a.usable(), a.reason(),
                        provider.description()));
            }
        }
        output.emit(new ModelsReport(statuses), session);
        return ExitCodes.OK;
    }
}
