package dev.yardstick.export.charts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Markdown report's charts as files (each one SVG and PNG, light theme) and the section that shows them: plain
 * {@code ![title](dir/chart.svg)} links, relative to the Markdown file, which GitHub renders in a repository, a PR
 * comment's attachment or a job summary's artifact alike.
 */
public final class MarkdownCharts {

    private final List<ChartGroup> groups;

    public MarkdownCharts(List<ChartGroup> groups) {
        this.groups = List.copyOf(groups);
    }

    /** Every chart's files, by file name: {@code ID.svg} and {@code ID.png}. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ChartGroup group : groups) {
            for (Chart chart : group.charts()) {
                files.put(chart.id() + ".svg", ChartRenderer.svgFile(chart)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                files.put(chart.id() + ".png", ChartRenderer.png(chart));
            }
        }
        return files;
    }

    /**
     * The Markdown that shows the charts, to append to the report.
     *
     * @param folder the charts' folder as seen from the Markdown file, with forward slashes ({@code charts})
     */
    public String section(String folder) {
        if (groups.isEmpty()) {
            return "";
        }
        String prefix = folder.isEmpty() || folder.equals(".") ? "" : folder.replace('\\', '/') + "/";
        StringBuilder md = new StringBuilder("## Charts\n\n");
        for (ChartGroup group : groups) {
            md.append("### ").append(plain(group.heading())).append("\n\n");
            for (Chart chart : group.charts()) {
                md.append("![").append(plain(chart.title())).append("](").append(link(prefix + chart.id()))
                        .append(".svg)\n\n*").append(escaped(chart.caption())).append("* ([PNG](")
                        .append(link(prefix + chart.id())).append(".png))\n\n");
            }
        }
        return md.toString();
    }

    /** Alt text and captions from report data: nothing in it may close the link or start markup. */
    private static String plain(String text) {
        return dev.yardstick.export.ControlChars.visibleLine(text).replaceAll("[\\[\\]()*_`<>|\\\\]", " ").trim();
    }

    /** A caption from report data: Markdown's own characters escaped, so it stays the plain text it is. */
    private static String escaped(String text) {
        return dev.yardstick.export.ControlChars.visibleLine(text).replaceAll("([\\[\\]*_`<>|\\\\])", "\\\\$1");
    }

    private static String link(String path) {
        return path.replace(" ", "%20");
    }
}
