package dev.yardstick.export.charts;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;

/** Draws a chart as SVG (for the page, or a file) or PNG (for viewers that show no SVG). */
public final class ChartRenderer {

    private ChartRenderer() {
    }

    /**
     * The chart as an inline SVG element that follows the page's theme. Its width is the chart's own, scaled down to
     * the page's width by its viewBox.
     *
     * @param prefix unique in the page: JFreeSVG names its clip paths with it, so charts cannot clip one another
     */
    public static String inlineSvg(Chart chart, String prefix) {
        return ChartStyle.themed(svg(chart, prefix, false));
    }

    /** A standalone SVG file in the light theme, with a white background (a viewer's own may be dark). */
    public static String svgFile(Chart chart) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(chart, chart.id() + "-", true) + "\n";
    }

    private static String svg(Chart chart, String prefix, boolean opaque) {
        SVGGraphics2D g = new SVGGraphics2D(chart.width(), chart.height(), SVGUnits.PX);
        g.setDefsKeyPrefix(prefix);
        if (opaque) {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, chart.width(), chart.height());
        }
        chart.drawing().draw(g, new Rectangle(0, 0, chart.width(), chart.height()));
        return g.getSVGElement(null, true, new org.jfree.svg.ViewBox(0, 0, chart.width(), chart.height()), null,
                null);
    }

    /** A PNG in the light theme, drawn at twice the size for sharp text on high-density screens. */
    public static byte[] png(Chart chart) {
        int scale = 2;
        BufferedImage image = new BufferedImage(chart.width() * scale, chart.height() * scale,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            chart.drawing().draw(g, new Rectangle(0, 0, chart.width(), chart.height()));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array never fails
        }
        return bytes.toByteArray();
    }
}
