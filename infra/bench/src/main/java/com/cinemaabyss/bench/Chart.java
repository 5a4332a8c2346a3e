package com.cinemaabyss.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.List;

/** The report's chart: each headline ratio as a bar (median), with its aim beside it and a line at 1×. */
final class Chart {

    private Chart() {
    }

    static String svg(List<Figure> figures) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Figure figure : figures) {
            dataset.addValue(figure.ratio().median(), "measured (median)", figure.label());
            dataset.addValue(figure.aim(), "aim", figure.label());
        }
        JFreeChart chart = ChartFactory.createBarChart("CinemaAbyss benchmarks: ratios against same-run baselines",
                null, "ratio (×)", dataset, PlotOrientation.HORIZONTAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.addRangeMarker(new ValueMarker(1.0, Color.DARK_GRAY, new BasicStroke(1.5f)));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x2b6cb0));
        renderer.setSeriesPaint(1, new Color(0xcbd5e0));
        int height = 120 + 44 * figures.size();
        SVGGraphics2D svg = new SVGGraphics2D(960, height);
        chart.draw(svg, new Rectangle(0, 0, 960, height));
        return svg.getSVGDocument();
    }
}
