package io.github.renkei.cluster.inference;

/**
 * The standard test functions of sensitivity analysis, with their analytic indices (Saltelli et
 * al., "Global Sensitivity Analysis. The Primer", Wiley 2008, §3.6 and §4.9; Sobol', "Global
 * sensitivity indices for nonlinear mathematical models and their Monte Carlo estimates",
 * Math. Comput. Simul. 55, 2001, 271–280).
 */
final class TestFunctions {

  private TestFunctions() {}

  static final double ISHIGAMI_A = 7;
  static final double ISHIGAMI_B = 0.1;

  /** Ishigami and Homma (1990): {@code sin x1 + a sin² x2 + b x3⁴ sin x1} on {@code [−π, π]³}. */
  static double ishigami(double[] x) {
    return Math.sin(x[0]) + ISHIGAMI_A * Math.pow(Math.sin(x[1]), 2)
        + ISHIGAMI_B * Math.pow(x[2], 4) * Math.sin(x[0]);
  }

  static SensitivityModel ishigamiModel() {
    return SensitivityModel.of(TestFunctions::ishigami, new Factor("x1", -Math.PI, Math.PI),
        new Factor("x2", -Math.PI, Math.PI), new Factor("x3", -Math.PI, Math.PI));
  }

  /** The analytic first-order indices of Ishigami with a = 7, b = 0.1: V1/V, V2/V, 0. */
  static double[] ishigamiFirstOrder() {
    double a = ISHIGAMI_A;
    double b = ISHIGAMI_B;
    double pi4 = Math.pow(Math.PI, 4);
    double v1 = 0.5 * Math.pow(1 + b * pi4 / 5, 2);
    double v2 = a * a / 8;
    double v13 = b * b * Math.pow(Math.PI, 8) * (1.0 / 18 - 1.0 / 50);
    double v = v1 + v2 + v13;
    return new double[] {v1 / v, v2 / v, 0};
  }

  /** The analytic total indices of Ishigami with a = 7, b = 0.1: (V1 + V13)/V, V2/V, V13/V. */
  static double[] ishigamiTotal() {
    double a = ISHIGAMI_A;
    double b = ISHIGAMI_B;
    double pi4 = Math.pow(Math.PI, 4);
    double v1 = 0.5 * Math.pow(1 + b * pi4 / 5, 2);
    double v2 = a * a / 8;
    double v13 = b * b * Math.pow(Math.PI, 8) * (1.0 / 18 - 1.0 / 50);
    double v = v1 + v2 + v13;
    return new double[] {(v1 + v13) / v, v2 / v, v13 / v};
  }

  /** Sobol's g-function's coefficients of the tests: two important, two weak, two inert factors. */
  static final double[] G_A = {0, 1, 4.5, 9, 99, 99};

  /** Sobol's g-function {@code Π (|4 x_i − 2| + a_i) / (1 + a_i)} on {@code [0, 1]^k}. */
  static double g(double[] x) {
    double y = 1;
    for (int i = 0; i < x.length; i++) {
      y *= (Math.abs(4 * x[i] - 2) + G_A[i]) / (1 + G_A[i]);
    }
    return y;
  }

  static SensitivityModel gModel() {
    Factor[] factors = new Factor[G_A.length];
    for (int i = 0; i < factors.length; i++) {
      factors[i] = new Factor("x" + (i + 1), 0, 1);
    }
    return SensitivityModel.of(TestFunctions::g, factors);
  }

  /** {@code V_i = 1 / (3 (1 + a_i)²)}. */
  private static double[] gPartialVariances() {
    double[] v = new double[G_A.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = 1 / (3 * Math.pow(1 + G_A[i], 2));
    }
    return v;
  }

  /** {@code S_i = V_i / (Π (1 + V_j) − 1)}. */
  static double[] gFirstOrder() {
    double[] v = gPartialVariances();
    double total = product(v, -1) - 1;
    double[] s = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      s[i] = v[i] / total;
    }
    return s;
  }

  /** {@code ST_i = V_i Π_{j≠i} (1 + V_j) / (Π (1 + V_j) − 1)}. */
  static double[] gTotal() {
    double[] v = gPartialVariances();
    double total = product(v, -1) - 1;
    double[] s = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      s[i] = v[i] * product(v, i) / total;
    }
    return s;
  }

  private static double product(double[] v, int except) {
    double p = 1;
    for (int j = 0; j < v.length; j++) {
      if (j != except) {
        p *= 1 + v[j];
      }
    }
    return p;
  }
}
