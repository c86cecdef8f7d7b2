package dev.yardstick.report;

import java.util.ArrayList;
import java.util.List;

/** What {@code yardstick models} found: each provider, whether it is usable here, and why not. */
public record ModelsReport(List<ProviderStatus> providers) implements Report {

    public record ProviderStatus(String provider, boolean usable, String reason, String description) {
    }

    @Override
    public Document document() {
        List<List<String>> rows = new ArrayList<>();
        for (ProviderStatus p : providers) {
            rows.add(List.of(p.provider(), p.usable() ? "yes" : "no", p.reason(), p.description()));
        }
        long usable = providers.stream().filter(ProviderStatus::usable).count();
        return new Document("Providers", List.of(
                new Document.Grid(List.of("provider", "usable", "why", "what"), rows,
                        List.of(false, false, false, false), true),
                new Document.Paragraph(usable + " of " + providers.size() + " providers usable here. "
                        + "Name a model as provider/model, e.g. local/stories260k or openai/gpt-4o-mini.")));
    }

    @Override
    public Tabular tabular() {
        List<List<Object>> rows = new ArrayList<>();
        for (ProviderStatus p : providers) {
            rows.add(List.of(p.provider(), p.usable(), p.reason(), p.description()));
        }
        return new Tabular(List.of("provider", "usable", "reason", "description"), rows);
    }
}
