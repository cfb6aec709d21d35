package io.github.renkei.cluster.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Sobol' sequence with Joe–Kuo direction numbers. */
class SobolSequenceTest {

  @Test
  void theFirstPointsAreThoseOfTheReference() {
    double[][] p = SobolSequence.points(8, 6);
    assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0}, p[0]);
    assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, p[1]);
    assertArrayEquals(new double[] {0.75, 0.25, 0.25, 0.25, 0.75, 0.75}, p[2]);
    assertArrayEquals(new double[] {0.25, 0.75, 0.75, 0.75, 0.25, 0.25}, p[3]);
    assertArrayEquals(new double[] {0.375, 0.375, 0.625, 0.875, 0.375, 0.125}, p[4]);
    assertArrayEquals(new double[] {0.125, 0.625, 0.375, 0.125, 0.125, 0.375}, p[7]);
  }

  /** Reference values from SciPy 1.17.1: {@code scipy.stats.qmc.Sobol(d=40, scramble=False).random(1024)}. */
  @Test
  void laterPointsInHighDimensionsAreThoseOfScipy() {
    double[][] p = SobolSequence.points(1024, 40);
    assertArrayEquals(new double[] {0.8125, 0.1875, 0.1875, 0.3125, 0.4375, 0.5625, 0.3125, 0.9375, 0.9375, 0.6875},
        java.util.Arrays.copyOfRange(p[15], 30, 40));
    assertEquals(0.0009765625, p[1023][0]);
    assertEquals(0.7529296875, p[1023][1]);
    assertEquals(0.6123046875, p[1023][2]);
    assertEquals(0.3193359375, p[1023][19]);
    assertEquals(0.6982421875, p[1023][39]);
    assertEquals(0.2744140625, p[777][3]);
    assertEquals(0.8642578125, p[777][17]);
    assertEquals(0.3427734375, p[777][38]);
  }

  @Test
  void everyDimensionHitsEachOfTheFirst2ToTheMIntervalsOnce() {
    int n = 256;
    double[][] p = SobolSequence.points(n, SobolSequence.MAX_DIMENSIONS);
    for (int d = 0; d < SobolSequence.MAX_DIMENSIONS; d++) {
      boolean[] hit = new boolean[n];
      for (double[] point : p) {
        int cell = (int) Math.floor(point[d] * n);
        assertTrue(!hit[cell], "dimension " + (d + 1) + " hits cell " + cell + " twice");
        hit[cell] = true;
      }
    }
  }

  @Test
  void rejectsMoreDimensionsThanItHasDirectionNumbersFor() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SobolSequence.points(4, 41));
    assertTrue(e.getMessage().contains("41"), e.getMessage());
  }
}
