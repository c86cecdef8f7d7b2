package dev.yardstick.export.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;

/**
 * The look every chart shares. Text, axis and grid lines are drawn in marker colours that no series uses: in the
 * HTML page they are rewritten to CSS variables ({@link #themed}), so one SVG follows the page's light or dark theme;
 * in a PNG they stay the light theme's colours. The series colours (Okabe and Ito's, safe for colour-blind readers)
 * read on both backgrounds.
 */
public final class ChartStyle {

    static final Color TEXT = new Color(31, 35, 41);
    static final Color MUTED = new Color(87, 96, 107);
    static final Color GRID = new Color(208, 215, 223);

    /** Series colours, in the order series are added. */
    static final List<Color> SERIES = List.of(new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(86, 180, 233), new Color(213, 94, 0), new Color(120, 94, 240),
            new Color(153, 153, 153));

    /** Outcomes: good, bad, and neither. */
    static final Color GOOD = new Color(0, 158, 115);
    static final Color BAD = new Color(213, 94, 0);
    static final Color NEUTRAL = new Color(153, 153, 153);

    private static final Map<Color, String> THEMED = Map.of(TEXT, "var(--chart-text)", MUTED, "var(--chart-muted)",
            GRID, "var(--chart-grid)");

    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    static {
        // JFreeChart's work-around draws rotated text (the y axis title) as glyph outlines; drawn as text, it stays
        // text in the SVG, like every other label.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartStyle() {
    }

    static Paint series(int index) {
        return SERIES.get(index % SERIES.size());
    }

    /** Applies the shared look: no background (the page's shows through), marker-coloured text and lines. */
    static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(null);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE);
            title.setPaint(TEXT);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle legend) {
                legend.setBackgroundPaint(null);
                legend.setItemPaint(TEXT);
                legend.setItemFont(LABELS);
                legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            }
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(null);
        plot.setOutlineVisible(false);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(new BasicStroke(0.6f));
            xy.setRangeGridlineStroke(new BasicStroke(0.6f));
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i));
            }
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(GRID);
            category.setRangeGridlineStroke(new BasicStroke(0.6f));
            axis(category.getDomainAxis());
            axis(category.getRangeAxis());
        }
        return chart;
    }

    private static void axis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(LABELS);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICKS);
        axis.setTickLabelPaint(MUTED);
        axis.setAxisLinePaint(MUTED);
        axis.setTickMarkPaint(MUTED);
    }

    /** The SVG with the marker colours turned into the page's theme variables. */
    static String themed(String svg) {
        String out = svg;
        for (Map.Entry<Color, String> e : THEMED.entrySet()) {
            Color c = e.getKey();
            out = out.replace("rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")", e.getValue());
        }
        return out;
    }
}
