package io.github.renkei.cluster.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The Latin hypercube that opens a calibration (McKay, Beckman and Conover 1979). */
class CalibrationLatinHypercubeTest {

  @Property
  void everyDimensionHasExactlyOnePointInEachStratum(@ForAll @IntRange(min = 1, max = 50) int n,
      @ForAll @IntRange(min = 1, max = 5) int d, @ForAll long seed) {
    double[][] design = LatinHypercube.sample(n, d, seed);
    assertEquals(n, design.length);
    for (int dim = 0; dim < d; dim++) {
      int[] perStratum = new int[n];
      for (double[] point : design) {
        assertEquals(d, point.length);
        double u = point[dim];
        assertTrue(u >= 0 && u < 1, "coordinate " + u);
        perStratum[(int) Math.floor(u * n)]++;
      }
      for (int k = 0; k < n; k++) {
        assertEquals(1, perStratum[k], "stratum " + k + " of dimension " + dim);
      }
    }
  }

  @Property
  void theSameSeedGivesTheSameDesign(@ForAll @IntRange(min = 1, max = 50) int n,
      @ForAll @IntRange(min = 1, max = 5) int d, @ForAll long seed) {
    assertTrue(Arrays.deepEquals(LatinHypercube.sample(n, d, seed), LatinHypercube.sample(n, d, seed)));
  }

  @Test
  void otherSeedsGiveOtherDesigns() {
    assertFalse(Arrays.deepEquals(LatinHypercube.sample(10, 3, 1), LatinHypercube.sample(10, 3, 2)));
  }

  @Test
  void anEmptyDesignHasNoPoints() {
    assertEquals(0, LatinHypercube.sample(0, 2, 7).length);
  }
}
