package io.github.renkei.cluster.report;

import static io.github.renkei.cluster.report.Fixture.COUNCIL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.simulation.PairedComparison;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A forest plot draws each paired effect with its CI, grouped by metric, each group on its own axis. */
class ForestPlotTest {

  private static final PairedComparison COUNCIL_ON_KNOW_HOW = COUNCIL.compare("fukushima", 0, "fukushima", 1,
      ClusterDynamics.KNOW_HOW_LEAD, 15);

  @Test
  void anEffectIsTheComparisonsMeanDifferenceAndItsCi() {
    ForestPlot.Effect e = ForestPlot.Effect.of("Lead's know-how in 2020 (0–1)", "council", COUNCIL_ON_KNOW_HOW);
    assertEquals(COUNCIL_ON_KNOW_HOW.meanDifference(), e.mean());
    assertEquals(COUNCIL_ON_KNOW_HOW.confidenceInterval95().orElseThrow().lower(), e.lower());
    assertEquals(COUNCIL_ON_KNOW_HOW.confidenceInterval95().orElseThrow().upper(), e.upper());
    assertEquals(12, e.pairs());
  }

  @Test
  void effectsAreGroupedInOrderOfFirstAppearance() {
    ForestPlot plot = ForestPlot.builder("Effects")
        .effect(new ForestPlot.Effect("Firms", "a", 1, 0, 2, 10))
        .effect(new ForestPlot.Effect("Know-how", "b", 0.1, 0.05, 0.2, 10))
        .effect(new ForestPlot.Effect("Firms", "c", -1, -3, 0.5, 10)).build();
    assertEquals(List.of("Firms", "Know-how"), List.copyOf(plot.groups().keySet()));
    assertEquals(List.of("a", "c"), plot.groups().get("Firms").stream().map(ForestPlot.Effect::label).toList());
    assertTrue(plot.caption().contains("95% confidence interval") && plot.caption().contains("10 pairs"),
        plot.caption());
  }

  @Test
  void ticksAreRoundAndCoverZeroAndEveryBound() {
    assertArrayEquals(new double[] {-2, -1, 0, 1, 2, 3}, ForestPlot.ticks(List.of(
        new ForestPlot.Effect("g", "a", 1, -1.5, 2.2, 2))), 1e-12);
    assertArrayEquals(new double[] {0, 0.025, 0.05, 0.075, 0.1, 0.125}, ForestPlot.ticks(List.of(
        new ForestPlot.Effect("g", "a", 0.09, 0.079, 0.101, 2))), 1e-12);
  }

  @Test
  void tickLabelsHaveJustTheDecimalsTheStepNeeds() {
    assertEquals("2", ForestPlot.tickLabel(2, 1));
    assertEquals("-10", ForestPlot.tickLabel(-10, 10));
    assertEquals("7.5", ForestPlot.tickLabel(7.5, 2.5));
    assertEquals("0.075", ForestPlot.tickLabel(0.075, 0.025));
    assertEquals("0.0", ForestPlot.tickLabel(1e-17, 0.5));
  }

  @Test
  void itRendersAPngWideEnoughForTitleLabelsAndNumbers() throws IOException {
    String longLabel = "(3) where support is aimed: parts/OEM-heavy vs development-heavy, a long label";
    ForestPlot plot = ForestPlot.builder("Paired policy effects (second − first)")
        .effect(ForestPlot.Effect.of("Lead's know-how in 2020 (0–1)", longLabel, COUNCIL_ON_KNOW_HOW)).build();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(plot.png()));
    assertEquals(plot.width(), image.getWidth());
    assertEquals(plot.height(), image.getHeight());
    double needed = ChartStyle.textWidth(longLabel, ChartStyle.LEGEND_FONT)
        + ChartStyle.textWidth(plot.effects().get(0).numbers(), ChartStyle.LEGEND_FONT);
    assertTrue(plot.width() > needed + 300, plot.width() + " px for " + needed + " px of text and the plot");
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> ForestPlot.builder("Effects").build());
    assertTrue(empty.getMessage().contains("forest plot 'Effects' has no effect"), empty.getMessage());
    IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
        () -> new ForestPlot.Effect("Firms", "council", 3, 0, 2, 10));
    assertTrue(outside.getMessage().contains("effect 'council' (Firms): the interval [0.0, 2.0] must enclose"),
        outside.getMessage());
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> new ForestPlot.Effect("Firms", "council", Double.NaN, 0, 2, 10));
    assertTrue(nan.getMessage().contains("must be finite"), nan.getMessage());
    IllegalArgumentException pairs = assertThrows(IllegalArgumentException.class,
        () -> new ForestPlot.Effect("Firms", "council", 1, 0, 2, 1));
    assertTrue(pairs.getMessage().contains("at least 2 pairs"), pairs.getMessage());
  }
}
