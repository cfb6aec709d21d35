package io.github.renkei.cluster.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.net.URI;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * What the projection charts draw over their plot, shared by {@link ProjectionChart} and
 * {@link PredictiveChart}: the calibration boundary, event lines, haloed text, and the short name
 * of a source.
 */
final class PlotAnnotations {

  /** The colour of event lines and their labels. */
  static final Color EVENT = new Color(0x8A5A00);

  private PlotAnnotations() {}

  /** Marks the calibration boundary (after the year given, if any) and every event on a chart. */
  static void addTo(org.knowm.xchart.XYChart chart, java.util.OptionalInt calibratedThrough, List<ChartEvent> events) {
    calibratedThrough.ifPresent(y -> chart.addAnnotation(new Boundary(y + 1.0)));
    for (ChartEvent e : events) {
      chart.addAnnotation(new EventLine(e));
    }
  }

  /** The host of a source's URL without "www.", or the source as written if it is no URL. */
  static String host(String source) {
    try {
      String h = URI.create(source.strip()).getHost();
      if (h != null) {
        return h.startsWith("www.") ? h.substring(4) : h;
      }
    } catch (IllegalArgumentException e) {
      // not a URL: a citation in words, shown as it is
    }
    return source.strip();
  }

  /**
   * An annotation drawn in the plot's own rectangle (XChart gives its corners as axis extremes, in
   * either order); the graphics' colour and stroke are restored afterwards.
   */
  abstract static class PlotAnnotation extends Annotation {
    PlotAnnotation() {
      super(false);
    }

    @Override
    public final void paint(Graphics2D g) {
      int left = Math.min(getXAxisScreenValueForMin(), getXAxisScreenValueForMax());
      int right = Math.max(getXAxisScreenValueForMin(), getXAxisScreenValueForMax());
      int top = Math.min(getYAxisScreenValueForMin(), getYAxisScreenValueForMax());
      int bottom = Math.max(getYAxisScreenValueForMin(), getYAxisScreenValueForMax());
      Color colour = g.getColor();
      java.awt.Stroke stroke = g.getStroke();
      Rectangle2D drawn = draw(g, left, right, top, bottom);
      if (drawn != null) {
        bounds = drawn;
      }
      g.setColor(colour);
      g.setStroke(stroke);
    }

    /** Draws in the plot's rectangle; returns what was drawn over, or null if nothing. */
    abstract Rectangle2D draw(Graphics2D g, int left, int right, int top, int bottom);
  }

  /** Shades the projection years, from the boundary to the plot's right edge, and names both sides. */
  static final class Boundary extends PlotAnnotation {
    private final double x;

    Boundary(double x) {
      this.x = x;
    }

    @Override
    Rectangle2D draw(Graphics2D g, int left, int right, int top, int bottom) {
      int at = getXAxisScreenValue(x);
      if (at >= right) {
        return null;
      }
      at = Math.max(at, left);
      g.setColor(new Color(0, 0, 0, 14));
      g.fill(new Rectangle2D.Double(at, top, right - at, bottom - top));
      g.setColor(new Color(0x555555));
      g.setStroke(new BasicStroke(1.5f));
      g.draw(new Line2D.Double(at, top, at, bottom));
      Font font = ChartStyle.LABEL_FONT.deriveFont(Font.BOLD);
      TextLayout before = new TextLayout("◀ calibration", font, g.getFontRenderContext());
      TextLayout after = new TextLayout("projection ▶", font, g.getFontRenderContext());
      double baseline = bottom - 8;
      halo(g, before.getOutline(AffineTransform.getTranslateInstance(at - 6 - before.getAdvance(), baseline)),
          new Color(0x555555));
      halo(g, after.getOutline(AffineTransform.getTranslateInstance(at + 6, baseline)), new Color(0x555555));
      return new Rectangle2D.Double(at, top, right - at, bottom - top);
    }
  }

  /** A dashed vertical line at the start of the event's year, its label written upwards beside it. */
  static final class EventLine extends PlotAnnotation {
    private final ChartEvent event;

    EventLine(ChartEvent event) {
      this.event = event;
    }

    @Override
    Rectangle2D draw(Graphics2D g, int left, int right, int top, int bottom) {
      int at = getXAxisScreenValue(event.year());
      if (at < left || at > right) {
        return null;
      }
      g.setColor(EVENT);
      g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      g.draw(new Line2D.Double(at, top, at, bottom));
      TextLayout layout = new TextLayout(event.year() + " " + event.label(), ChartStyle.LABEL_FONT,
          g.getFontRenderContext());
      // written bottom-up along the line's right side, starting just below the plot's top
      AffineTransform t = AffineTransform.getTranslateInstance(at + 4 + layout.getAscent(), top + 6 + layout.getAdvance());
      t.rotate(-Math.PI / 2);
      Shape outline = layout.getOutline(t);
      halo(g, outline, EVENT);
      return outline.getBounds2D();
    }
  }

  /** Fills a text outline over a white halo, so it stays legible over bands and lines. */
  static void halo(Graphics2D g, Shape outline, Color ink) {
    g.setColor(new Color(255, 255, 255, 220));
    g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(outline);
    g.setColor(ink);
    g.fill(outline);
  }
}
