package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The Sobol' low-discrepancy sequence (Sobol', "On the distribution of points in a cube and the
 * approximate evaluation of integrals", USSR Comput. Math. Math. Phys. 7(4), 1967, 86–112) in
 * up to {@value #MAX_DIMENSIONS} dimensions, in Gray-code order (Antonov and Saleev, USSR
 * Comput. Math. Math. Phys. 19(1), 1979, 252–256), unscrambled and starting with the origin.
 * The first {@code 2^m} points of every dimension hit each interval {@code [j/2^m, (j+1)/2^m)}
 * exactly once, so base sample sizes that are powers of two balance best; Owen ("On dropping the
 * first Sobol' point", MCQMC 2020, Springer 2022) shows why the origin is kept. Point {@code i}
 * equals that of SciPy's {@code scipy.stats.qmc.Sobol(d, scramble=False)}, which uses the same
 * direction numbers and order; a test pins some of them.
 *
 * <p>Dimension 1 is the van der Corput sequence in base 2; dimensions 2 to {@value
 * #MAX_DIMENSIONS} use the direction numbers of Joe and Kuo, "Constructing Sobol sequences with
 * better two-dimensional projections", SIAM J. Sci. Comput. 30(5), 2008, 2635–2654, file
 * {@code new-joe-kuo-6.21201} from https://web.maths.unsw.edu.au/~fkuo/sobol/ (the first rows
 * of its table: degree {@code s}, coefficients {@code a}, initial numbers {@code m}). That file
 * carries this notice: "Copyright (c) 2008, Frances Y. Kuo and Stephen Joe. All rights
 * reserved. Redistribution and use in source and binary forms, with or without modification,
 * are permitted provided that the following conditions are met: Redistributions of source code
 * must retain the above copyright notice, this list of conditions and the following disclaimer.
 * Redistributions in binary form must reproduce the above copyright notice, this list of
 * conditions and the following disclaimer in the documentation and/or other materials provided
 * with the distribution. Neither the names of the copyright holders nor the names of the
 * University of New South Wales and the University of Waikato and its contributors may be used
 * to endorse or promote products derived from this software without specific prior written
 * permission. THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS "AS IS" AND ANY EXPRESS OR
 * IMPLIED WARRANTIES [...] ARE DISCLAIMED."
 */
final class SobolSequence {

  /** The most dimensions this generator has direction numbers for. */
  static final int MAX_DIMENSIONS = 40;

  /** Bits of each coordinate: points up to index {@code 2^BITS − 1}. */
  private static final int BITS = 31;

  /** Per dimension 2, 3, …: degree s, coefficient bits a, then m_1 … m_s (Joe and Kuo 2008). */
  private static final int[][] JOE_KUO = {
      {1, 0, 1}, // dimension 2
      {2, 1, 1, 3}, // dimension 3
      {3, 1, 1, 3, 1}, // dimension 4
      {3, 2, 1, 1, 1}, // dimension 5
      {4, 1, 1, 1, 3, 3}, // dimension 6
      {4, 4, 1, 3, 5, 13}, // dimension 7
      {5, 2, 1, 1, 5, 5, 17}, // dimension 8
      {5, 4, 1, 1, 5, 5, 5}, // dimension 9
      {5, 7, 1, 1, 7, 11, 19}, // dimension 10
      {5, 11, 1, 1, 5, 1, 1}, // dimension 11
      {5, 13, 1, 1, 1, 3, 11}, // dimension 12
      {5, 14, 1, 3, 5, 5, 31}, // dimension 13
      {6, 1, 1, 3, 3, 9, 7, 49}, // dimension 14
      {6, 13, 1, 1, 1, 15, 21, 21}, // dimension 15
      {6, 16, 1, 3, 1, 13, 27, 49}, // dimension 16
      {6, 19, 1, 1, 1, 15, 7, 5}, // dimension 17
      {6, 22, 1, 3, 1, 15, 13, 25}, // dimension 18
      {6, 25, 1, 1, 5, 5, 19, 61}, // dimension 19
      {7, 1, 1, 3, 7, 11, 23, 15, 103}, // dimension 20
      {7, 4, 1, 3, 7, 13, 13, 15, 69}, // dimension 21
      {7, 7, 1, 1, 3, 13, 7, 35, 63}, // dimension 22
      {7, 8, 1, 3, 5, 9, 1, 25, 53}, // dimension 23
      {7, 14, 1, 3, 1, 13, 9, 35, 107}, // dimension 24
      {7, 19, 1, 3, 1, 5, 27, 61, 31}, // dimension 25
      {7, 21, 1, 1, 5, 11, 19, 41, 61}, // dimension 26
      {7, 28, 1, 3, 5, 3, 3, 13, 69}, // dimension 27
      {7, 31, 1, 1, 7, 13, 1, 19, 1}, // dimension 28
      {7, 32, 1, 3, 7, 5, 13, 19, 59}, // dimension 29
      {7, 37, 1, 1, 3, 9, 25, 29, 41}, // dimension 30
      {7, 41, 1, 3, 5, 13, 23, 1, 55}, // dimension 31
      {7, 42, 1, 3, 7, 3, 13, 59, 17}, // dimension 32
      {7, 50, 1, 3, 1, 3, 5, 53, 69}, // dimension 33
      {7, 55, 1, 1, 5, 5, 23, 33, 13}, // dimension 34
      {7, 56, 1, 1, 7, 7, 1, 61, 123}, // dimension 35
      {7, 59, 1, 1, 7, 9, 13, 61, 49}, // dimension 36
      {7, 62, 1, 3, 3, 5, 3, 55, 33}, // dimension 37
      {8, 14, 1, 3, 1, 15, 31, 13, 49, 245}, // dimension 38
      {8, 21, 1, 3, 5, 15, 31, 59, 63, 97}, // dimension 39
      {8, 22, 1, 3, 1, 11, 11, 11, 77, 249}, // dimension 40
  };

  private SobolSequence() {}

  /**
   * Returns the first points of the sequence.
   *
   * @param n how many points, {@code 0 <= n <= 2^31}
   * @param dimensions the number of coordinates, 1 to {@value #MAX_DIMENSIONS}
   * @return {@code n} points, each coordinate in {@code [0, 1)}
   */
  static double[][] points(int n, int dimensions) {
    checkArgument(n >= 0, "a Sobol' sequence needs n >= 0 points but was %s", n);
    checkArgument(dimensions >= 1 && dimensions <= MAX_DIMENSIONS,
        "this Sobol' sequence has 1 to %s dimensions but %s were asked for", MAX_DIMENSIONS, dimensions);
    long[][] v = new long[dimensions][];
    for (int d = 0; d < dimensions; d++) {
      v[d] = directions(d);
    }
    double[][] points = new double[n][dimensions];
    long[] x = new long[dimensions];
    double scale = 1.0 / (1L << BITS);
    for (int i = 1; i < n; i++) {
      // Gray code: point i differs from point i − 1 by the direction of the lowest zero bit of i − 1
      int c = Long.numberOfTrailingZeros(~(long) (i - 1));
      for (int d = 0; d < dimensions; d++) {
        x[d] ^= v[d][c];
        points[i][d] = x[d] * scale;
      }
    }
    return points;
  }

  /** The direction numbers v_1 … v_BITS of a dimension (0-based), scaled to BITS bits. */
  private static long[] directions(int dimension) {
    long[] v = new long[BITS];
    if (dimension == 0) {
      for (int k = 0; k < BITS; k++) {
        v[k] = 1L << (BITS - 1 - k);
      }
      return v;
    }
    int[] row = JOE_KUO[dimension - 1];
    int s = row[0];
    int a = row[1];
    for (int k = 0; k < Math.min(s, BITS); k++) {
      v[k] = (long) row[2 + k] << (BITS - 1 - k);
    }
    // Bratley and Fox, ACM TOMS 14(1), 1988, algorithm 659: the recurrence of the primitive
    // polynomial x^s + a_1 x^(s-1) + ... + a_(s-1) x + 1 over GF(2)
    for (int k = s; k < BITS; k++) {
      long next = v[k - s] ^ (v[k - s] >>> s);
      for (int j = 1; j < s; j++) {
        if (((a >>> (s - 1 - j)) & 1) == 1) {
          next ^= v[k - j];
        }
      }
      v[k] = next;
    }
    return v;
  }
}
