package io.github.renkei.cluster.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.PairedComparison;
import io.github.renkei.cluster.simulation.Statistics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forest plot of paired effects: for each comparison a point at the mean paired difference and a
 * bar over its 95% confidence interval, grouped by metric, each group on its own axis (a group is
 * one metric in one unit: firms and know-how do not share a scale), with a dashed line at zero
 * and the numbers beside each bar. Effects whose interval excludes zero are drawn in colour,
 * the others in grey.
 *
 * <pre>{@code
 * ExperimentResult r = Experiment.of(s).grid(Grid.of(Policies.COUNCIL, false, true))
 *     .replications(200).seed(1).run();
 * PairedComparison d = r.compare(s.name(), 0, s.name(), 1, ClusterDynamics.REGISTERED,
 *     s.schedule().indexOf("2020").orElseThrow());
 * ForestPlot plot = ForestPlot.builder("Effect of the council (council − no council)")
 *     .effect(ForestPlot.Effect.of("Registered manufacturers in 2020 (firms)", "council", d))
 *     .build();
 * plot.writePng(Path.of("effects.png"));
 * }</pre>
 */
public final class ForestPlot implements Picture {

  /**
   * One paired effect.
   *
   * @param group the metric and unit it is measured in, the group's heading
   * @param label what was compared, a few words
   * @param mean the mean paired difference
   * @param lower the lower bound of its 95% confidence interval
   * @param upper the upper bound
   * @param pairs the number of pairs
   */
  public record Effect(String group, String label, double mean, double lower, double upper, int pairs) {

    /**
     * Checks the effect.
     *
     * @param group the group's heading
     * @param label what was compared
     * @param mean the mean paired difference
     * @param lower the CI's lower bound
     * @param upper the CI's upper bound
     * @param pairs the number of pairs
     * @throws IllegalArgumentException naming the label if a number is not finite, the bounds do not
     *     enclose the mean, there are fewer than two pairs, or a text is blank
     */
    public Effect {
      ChartStyle.checkText(group, "group");
      ChartStyle.checkText(label, "label");
      checkArgument(Double.isFinite(mean) && Double.isFinite(lower) && Double.isFinite(upper),
          "effect '%s' (%s): mean and bounds must be finite but were %s [%s, %s]", label, group, mean, lower, upper);
      checkArgument(lower <= mean && mean <= upper, "effect '%s' (%s): the interval [%s, %s] must enclose the mean %s",
          label, group, lower, upper, mean);
      checkArgument(pairs >= 2, "effect '%s' (%s) needs at least 2 pairs for a confidence interval but had %s",
          label, group, pairs);
    }

    /**
     * The effect of a paired comparison of an experiment.
     *
     * @param group the metric and unit, for example {@code Registered manufacturers in 2020 (firms)}
     * @param label what was compared
     * @param comparison the comparison (second − first)
     * @return the effect
     * @throws IllegalArgumentException naming the label if the comparison has fewer than two pairs
     */
    public static Effect of(String group, String label, PairedComparison comparison) {
      checkNotNull(comparison, "comparison");
      Statistics.Interval ci = comparison.confidenceInterval95().orElseThrow(() -> new IllegalArgumentException(
          "effect '" + label + "' (" + group + ") needs at least 2 pairs for a confidence interval but had "
              + comparison.pairs()));
      return new Effect(group, label, comparison.meanDifference(), ci.lower(), ci.upper(), comparison.pairs());
    }

    /** The effect's numbers as printed beside its bar: {@code +1.23 [+0.45, +2.01]}. */
    String numbers() {
      return String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", mean, lower, upper);
    }
  }

  private static final int MIN_WIDTH = 1100;
  private static final int PAD = 16;
  private static final int ROW = 28;
  private static final int MIN_PLOT = 360;
  private static final Font GROUP_FONT = ChartStyle.AXIS_TITLE_FONT.deriveFont(Font.BOLD);
  private static final Font ROW_FONT = ChartStyle.LEGEND_FONT;
  private static final Color SIGNIFICANT = ChartStyle.PALETTE[0];
  private static final Color NOT_SIGNIFICANT = new Color(0x999999);

  private final String title;
  private final String note;
  private final ImmutableList<Effect> effects;

  private ForestPlot(String title, String note, ImmutableList<Effect> effects) {
    this.title = title;
    this.note = note;
    this.effects = effects;
  }

  /**
   * Starts a forest plot.
   *
   * @param title the plot's title
   * @return a builder
   * @throws IllegalArgumentException if the title is blank
   */
  public static Builder builder(String title) {
    ChartStyle.checkText(title, "title");
    return new Builder(title);
  }

  @Override
  public String title() {
    return title;
  }

  /**
   * Returns the effects, in the order added.
   *
   * @return the effects
   */
  public ImmutableList<Effect> effects() {
    return effects;
  }

  /**
   * Returns the groups, in order of first appearance, with their effects.
   *
   * @return group heading to effects
   */
  public Map<String, List<Effect>> groups() {
    Map<String, List<Effect>> groups = new LinkedHashMap<>();
    effects.forEach(e -> groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e));
    groups.replaceAll((g, list) -> List.copyOf(list));
    return java.util.Collections.unmodifiableMap(groups);
  }

  @Override
  public String caption() {
    int pairs = effects.stream().mapToInt(Effect::pairs).min().orElse(0);
    return "Mean paired difference (points) with its 95% confidence interval (bars) over " + pairs
        + (effects.stream().allMatch(e -> e.pairs() == pairs) ? "" : " or more") + " pairs of runs on common random "
        + "numbers; coloured where the interval excludes zero, grey where it does not. Each group has its own axis."
        + (note.isEmpty() ? "" : " " + note);
  }

  /**
   * Returns the image's width in pixels: wide enough for the title, the labels and the numbers.
   *
   * @return the width
   */
  public int width() {
    return Math.max(Math.max(MIN_WIDTH, ChartStyle.widthFor(title, MIN_WIDTH)),
        (int) Math.ceil(labelWidth() + numbersWidth() + MIN_PLOT + 4 * PAD));
  }

  /**
   * Returns the image's height in pixels.
   *
   * @return the height
   */
  public int height() {
    Map<String, List<Effect>> groups = groups();
    return 60 + groups.size() * (ROW + 44 + PAD) + effects.size() * ROW + 40;
  }

  private double labelWidth() {
    double w = 0;
    for (Effect e : effects) {
      w = Math.max(w, ChartStyle.textWidth(e.label(), ROW_FONT));
    }
    return w;
  }

  private double numbersWidth() {
    double w = ChartStyle.textWidth("mean [95% CI]", ROW_FONT);
    for (Effect e : effects) {
      w = Math.max(w, ChartStyle.textWidth(e.numbers(), ROW_FONT));
    }
    return w;
  }

  @Override
  public byte[] png() {
    int width = width();
    int height = height();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(ChartStyle.INK);
      g.setFont(ChartStyle.TITLE_FONT);
      g.drawString(title, (float) ((width - ChartStyle.textWidth(title, ChartStyle.TITLE_FONT)) / 2), 34);

      double labelRight = PAD + labelWidth();
      double plotLeft = labelRight + PAD;
      double numbersLeft = width - PAD - numbersWidth();
      double plotRight = numbersLeft - PAD;
      double y = 60;
      for (Map.Entry<String, List<Effect>> group : groups().entrySet()) {
        g.setFont(GROUP_FONT);
        g.setColor(ChartStyle.INK);
        g.drawString(group.getKey(), PAD, (float) (y + 18));
        g.setFont(ROW_FONT);
        g.setColor(ChartStyle.MUTED);
        g.drawString("mean [95% CI]", (float) numbersLeft, (float) (y + 18));
        y += ROW;
        double[] ticks = ticks(group.getValue());
        double lo = ticks[0];
        double hi = ticks[ticks.length - 1];
        double top = y;
        double bottom = y + group.getValue().size() * ROW;
        java.util.function.DoubleUnaryOperator px = v -> plotLeft + (v - lo) / (hi - lo) * (plotRight - plotLeft);
        g.setStroke(new BasicStroke(1f));
        for (double t : ticks) {
          g.setColor(ChartStyle.GRID);
          g.draw(new Line2D.Double(px.applyAsDouble(t), top, px.applyAsDouble(t), bottom));
        }
        g.setColor(ChartStyle.MUTED);
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        g.draw(new Line2D.Double(px.applyAsDouble(0), top - 4, px.applyAsDouble(0), bottom));
        for (Effect e : group.getValue()) {
          double mid = y + ROW / 2.0;
          g.setColor(ChartStyle.INK);
          g.setFont(ROW_FONT);
          g.drawString(e.label(), (float) (labelRight - ChartStyle.textWidth(e.label(), ROW_FONT)), (float) (mid + 5));
          Color c = e.lower() > 0 || e.upper() < 0 ? SIGNIFICANT : NOT_SIGNIFICANT;
          g.setColor(c);
          g.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
          g.draw(new Line2D.Double(px.applyAsDouble(e.lower()), mid, px.applyAsDouble(e.upper()), mid));
          g.draw(new Line2D.Double(px.applyAsDouble(e.lower()), mid - 5, px.applyAsDouble(e.lower()), mid + 5));
          g.draw(new Line2D.Double(px.applyAsDouble(e.upper()), mid - 5, px.applyAsDouble(e.upper()), mid + 5));
          g.fill(new Ellipse2D.Double(px.applyAsDouble(e.mean()) - 5.5, mid - 5.5, 11, 11));
          g.setColor(ChartStyle.INK);
          g.drawString(e.numbers(), (float) numbersLeft, (float) (mid + 5));
          y += ROW;
        }
        g.setColor(new Color(0x999999));
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(plotLeft, bottom, plotRight, bottom));
        g.setFont(ChartStyle.TICK_FONT);
        g.setColor(ChartStyle.INK);
        for (double t : ticks) {
          String text = tickLabel(t, ticks[1] - ticks[0]);
          double x = px.applyAsDouble(t);
          g.draw(new Line2D.Double(x, bottom, x, bottom + 4));
          g.drawString(text, (float) (x - ChartStyle.textWidth(text, ChartStyle.TICK_FONT) / 2), (float) (bottom + 20));
        }
        y = bottom + 44 + PAD;
      }
      g.setFont(ChartStyle.LABEL_FONT);
      g.setColor(ChartStyle.MUTED);
      g.drawString("Points: mean paired difference; bars: 95% CI; coloured where the CI excludes 0.", PAD,
          height - 16);
    } finally {
      g.dispose();
    }
    return ChartStyle.png(image, title);
  }

  /** About five round ticks covering every bound of the group and zero. */
  static double[] ticks(List<Effect> group) {
    double lo = 0;
    double hi = 0;
    for (Effect e : group) {
      lo = Math.min(lo, e.lower());
      hi = Math.max(hi, e.upper());
    }
    if (hi - lo < 1e-12) {
      hi = lo + 1;
    }
    double raw = (hi - lo) / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= raw) {
        step = m * magnitude;
        break;
      }
    }
    double first = Math.floor(lo / step) * step;
    double last = Math.ceil(hi / step) * step;
    int n = (int) Math.round((last - first) / step) + 1;
    double[] ticks = new double[n];
    for (int i = 0; i < n; i++) {
      ticks[i] = first + i * step;
    }
    return ticks;
  }

  static String tickLabel(double value, double step) {
    // enough decimals to tell the ticks apart: 0.025 needs three, 2.5 one, 10 none
    int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
    if (Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-9) {
      decimals++;
    }
    double v = Math.abs(value) < step / 1e6 ? 0 : value;
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  @Override
  public String toString() {
    return "ForestPlot[" + title + ", " + effects.size() + " effects]";
  }

  /** Builds a {@link ForestPlot}. */
  public static final class Builder {
    private final String title;
    private String note = "";
    private final List<Effect> effects = new ArrayList<>();

    private Builder(String title) {
      this.title = title;
    }

    /**
     * Adds an effect; effects of one group are drawn together, groups in order of first
     * appearance.
     *
     * @param effect the effect
     * @return this builder
     */
    public Builder effect(Effect effect) {
      effects.add(checkNotNull(effect, "effect"));
      return this;
    }

    /**
     * Adds a sentence to the caption, for example the years the metrics are read in.
     *
     * @param text the note
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder note(String text) {
      ChartStyle.checkText(text, "note");
      this.note = text;
      return this;
    }

    /**
     * Builds the plot.
     *
     * @return the plot
     * @throws IllegalArgumentException naming the title if no effect was added
     */
    public ForestPlot build() {
      checkArgument(!effects.isEmpty(), "forest plot '%s' has no effect to draw", title);
      return new ForestPlot(title, note, ImmutableList.copyOf(effects));
    }
  }
}
