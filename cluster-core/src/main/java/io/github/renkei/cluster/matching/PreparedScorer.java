package io.github.renkei.cluster.matching;

import io.github.renkei.cluster.model.Need;

/**
 * A scorer bound to one problem's {@link MatchContext}, scoring a need's candidates by their
 * position in {@link MatchContext#suppliers()}. The built-in components ({@link Scorers}) and
 * {@link WeightedScorer} prepare arrays once per context — each supplier's prefecture,
 * capabilities as bit words, entry stage, hub backing, horizontal experience — and, per need,
 * the requester's prefecture, the required capabilities' bits and the requester's prior ties,
 * so that scoring a pair is a few array reads instead of hash lookups and set walks. Any other
 * scorer is called as it is ({@link #of}).
 *
 * <p>A prepared score is the same double, bit for bit, as {@link Scorer#score} gives for the
 * pair: the same formula in the same order on the same values. Scores are returned unchecked;
 * callers check them as they check {@code score} ({@link Scorers#checked(double, Scorer, Need,
 * MatchContext, int)}), so bad scores are reported with the same message either way. Thread-safe:
 * the prepared tables are read only; a {@link NeedScores} belongs to one thread.
 */
interface PreparedScorer {

  /**
   * Returns the scores of one need's candidates.
   *
   * @param need a need of the context's problem
   * @return its scores by supplier index
   */
  NeedScores forNeed(Need need);

  /**
   * Returns upper bounds of the scores, if this scorer has them: for callers that want only the
   * best few of many suppliers and may skip those that cannot reach them (the near misses of
   * {@link Shortlists}). The default has none.
   *
   * @return the bounds, or {@code null} if there are none
   */
  default Bounds bounds() {
    return null;
  }

  /**
   * Upper bounds of a scorer's scores in two parts: one of the supplier alone, whatever the need,
   * and one of the need and the supplier's prefecture. For every need and supplier {@code j},
   * {@code score(need, j) <= supplier(j) + prefectures(need)[prefecture of j]} in real numbers;
   * in doubles, up to the rounding of a few additions, which callers allow for.
   */
  interface Bounds {

    /**
     * The part of the bound that depends on the supplier alone.
     *
     * @param supplier the supplier's index
     * @return its bound, finite and {@code >= 0}
     */
    double supplier(int supplier);

    /**
     * The part of the bound that depends on the need and the supplier's prefecture, by
     * {@link io.github.renkei.cluster.region.Prefecture} ordinal. Callers must not change it.
     *
     * @param need the need
     * @return the bound per prefecture ordinal, each finite and {@code >= 0}
     */
    double[] prefectures(Need need);

    /**
     * As {@link #prefectures(Need)}, possibly written into a caller's array instead of a new one.
     *
     * @param need the need
     * @param scratch an array of one entry per prefecture, which this method may overwrite
     * @return the bound per prefecture ordinal: {@code scratch} or an array callers must not change
     */
    default double[] prefectures(Need need, double[] scratch) {
      return prefectures(need);
    }
  }

  /** One need's scores by supplier index. */
  @FunctionalInterface
  interface NeedScores {

    /**
     * Scores the need against a supplier.
     *
     * @param supplier the supplier's index in {@link MatchContext#suppliers()}
     * @return what {@link Scorer#score} returns for the pair, unchecked
     */
    double score(int supplier);

    /**
     * Scores the need against a supplier with the components, if this prepared scorer can: the
     * breakdown {@link Scorer#explain} gives for the pair, each contribution the same double.
     *
     * @param supplier the supplier's index in {@link MatchContext#suppliers()}
     * @return the breakdown, or {@code null} if the caller must ask the scorer (the default)
     */
    default ScoreBreakdown explain(int supplier) {
      return null;
    }
  }

  /** A scorer that can prepare itself for a context. */
  interface Preparable {

    /**
     * Prepares for a context.
     *
     * @param context the context
     * @return the prepared scorer
     */
    PreparedScorer prepare(MatchContext context);
  }

  /** The prefecture part of bounds that have none: zeros, shared, never changed. */
  double[] NO_PREFECTURE_BOUND = new double[io.github.renkei.cluster.region.Prefecture.values().length];

  /**
   * A prepared scorer with bounds.
   *
   * @param scores the scores per need
   * @param supplierBound the supplier part of the bound by supplier index (kept, not copied)
   * @param prefectureBound the need part by prefecture ordinal; {@link #NO_PREFECTURE_BOUND} for none
   * @return the prepared scorer
   */
  static PreparedScorer bounded(PreparedScorer scores, double[] supplierBound,
      java.util.function.Function<Need, double[]> prefectureBound) {
    return bounded(scores, supplierBound, (need, scratch) -> prefectureBound.apply(need));
  }

  /**
   * A prepared scorer with bounds whose need part may be written into a caller's array.
   *
   * @param scores the scores per need
   * @param supplierBound the supplier part of the bound by supplier index (kept, not copied)
   * @param prefectureBound the need part by prefecture ordinal, given the need and an array it may
   *     fill and return ({@link Bounds#prefectures(Need, double[])})
   * @return the prepared scorer
   */
  static PreparedScorer bounded(PreparedScorer scores, double[] supplierBound,
      java.util.function.BiFunction<Need, double[], double[]> prefectureBound) {
    Bounds bounds = new Bounds() {
      @Override
      public double supplier(int supplier) {
        return supplierBound[supplier];
      }

      @Override
      public double[] prefectures(Need need) {
        return prefectureBound.apply(need, new double[NO_PREFECTURE_BOUND.length]);
      }

      @Override
      public double[] prefectures(Need need, double[] scratch) {
        return prefectureBound.apply(need, scratch);
      }
    };
    return new PreparedScorer() {
      @Override
      public NeedScores forNeed(Need need) {
        return scores.forNeed(need);
      }

      @Override
      public Bounds bounds() {
        return bounds;
      }
    };
  }

  /**
   * Prepares a scorer for a context: its own preparation if it has one, otherwise a call of
   * {@link Scorer#score} per pair.
   *
   * @param scorer the scorer
   * @param context the context
   * @return the prepared scorer
   */
  static PreparedScorer of(Scorer scorer, MatchContext context) {
    if (scorer instanceof Preparable p) {
      return p.prepare(context);
    }
    return need -> j -> scorer.score(need, context.suppliers().get(j), context);
  }
}
