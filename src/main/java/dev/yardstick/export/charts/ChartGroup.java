package dev.yardstick.export.charts;

import java.util.List;

/** Charts that belong under one heading: a step of a benchmark, a scenario of a cost analysis, a conversation. */
public record ChartGroup(String heading, List<Chart> charts) {

    public ChartGroup {
        charts = List.copyOf(charts);
    }
}
