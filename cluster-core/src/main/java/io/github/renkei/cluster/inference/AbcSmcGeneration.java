package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * What one generation (population) of an {@link AbcSmc} run took and gave: its tolerance, how
 * many proposals it simulated and how many of them it accepted, and the effective sample size of
 * its weights. Immutable.
 *
 * @param index the generation, 0 for the sample from the prior
 * @param epsilon the tolerance: a proposal was accepted when its distance was at most this; +∞
 *     for generation 0, which accepts every proposal whose simulations reached the targets
 * @param proposals the proposals simulated (each once per replication)
 * @param outsidePrior the perturbed proposals that fell outside the prior's support and were
 *     redrawn without a simulation
 * @param simulations the model runs: proposals × replications
 * @param acceptanceRate the particles accepted over the proposals simulated
 * @param effectiveSampleSize Kish's effective sample size of the generation's weights
 */
public record AbcSmcGeneration(int index, double epsilon, long proposals, long outsidePrior, long simulations,
    double acceptanceRate, double effectiveSampleSize) {

  /**
   * Validates the fields.
   *
   * @param index the generation
   * @param epsilon the tolerance
   * @param proposals the proposals simulated
   * @param outsidePrior the proposals redrawn
   * @param simulations the model runs
   * @param acceptanceRate the acceptance rate
   * @param effectiveSampleSize the effective sample size
   */
  public AbcSmcGeneration {
    checkArgument(index >= 0, "generation index must be >= 0 but was %s", index);
    checkArgument(epsilon >= 0, "epsilon of generation %s must be >= 0 but was %s", (Object) index, epsilon);
    checkArgument(proposals >= 0 && outsidePrior >= 0 && simulations >= proposals,
        "generation %s: counts must be >= 0 and simulations >= proposals but were %s proposals, %s outside the"
            + " prior, %s simulations", index, proposals, outsidePrior, simulations);
    checkArgument(acceptanceRate >= 0 && acceptanceRate <= 1,
        "acceptance rate of generation %s must be in [0, 1] but was %s", (Object) index,
        acceptanceRate);
    checkArgument(effectiveSampleSize > 0, "effective sample size of generation %s must be > 0 but was %s",
        (Object) index, effectiveSampleSize);
  }

  /** Returns for example {@code generation 3: ε = 0.12, 4,210 proposals (acceptance 0.238), ESS 811.4}. */
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "generation %d: ε = %.4g, %,d proposals (acceptance %.3f), %,d"
        + " simulations, %,d outside the prior, ESS %.1f", index, epsilon, proposals, acceptanceRate, simulations,
        outsidePrior, effectiveSampleSize);
  }
}
