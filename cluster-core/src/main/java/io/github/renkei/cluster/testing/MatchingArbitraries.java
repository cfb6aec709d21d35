package io.github.renkei.cluster.testing;

import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Shortlists;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.region.Prefecture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for matching: abstract problems with arbitrary eligibility and two-sided
 * scores (for properties of matchers), chain problems (for chain matchers), realistic problems drawn
 * from generated clusters with the standard constraints and scorer (for properties of constraints
 * and explanations), and shortlists of them.
 *
 * <pre>{@code
 * @Property
 * void optimalBeatsGreedy(@ForAll("problems") MatchingProblem p) {
 *   assertTrue(Matchers.optimal().match(p).totalScore() >= Matchers.greedy().match(p).totalScore());
 * }
 *
 * @Provide
 * Arbitrary<MatchingProblem> problems() {
 *   return MatchingArbitraries.problems().withNeeds(0, 10).withSuppliers(0, 5);
 * }
 * }</pre>
 */
public final class MatchingArbitraries {

  private MatchingArbitraries() {}

  /**
   * Abstract problems: up to 8 needs and 6 suppliers by default, capacities 0 to 3, scores 0 to
   * 20, each pair eligible with probability 0.6.
   *
   * @return a configurable arbitrary
   */
  public static MatchingProblemArbitrary problems() {
    return new MatchingProblemArbitrary();
  }

  /**
   * Two-sided (many-to-many) abstract problems: like {@link #problems()}, with the needs spread
   * over 1 to 3 requesters, each with a requester capacity of 0 to 3 or (one in four) none.
   *
   * @return a configurable arbitrary
   */
  public static MatchingProblemArbitrary twoSidedProblems() {
    return problems().withRequesters(1, 3).withRequesterCapacities(0, 3);
  }

  /**
   * Chain problems under the PMD Act: up to 6 chain needs of 1 to 4 steps and 6 suppliers by
   * default, capacities 0 to 3, random registrations, scores 0 to 20; see
   * {@link ChainProblemArbitrary}.
   *
   * @return a configurable arbitrary
   */
  public static ChainProblemArbitrary chainProblems() {
    return new ChainProblemArbitrary();
  }

  /**
   * Timed queues for rolling matching: up to 20 needs arriving over a calendar of 1 to 90 days,
   * 70 % with a deadline 0 to 30 days after arrival, half with their own contract of 1 to 60
   * days, over up to 5 suppliers of capacity 0 to 2 with abstract eligibility (see
   * {@link TimedQueueArbitrary}).
   *
   * @return a configurable arbitrary
   */
  public static TimedQueueArbitrary timedQueues() {
    return new TimedQueueArbitrary();
  }

  /**
   * Realistic problems: a generated cluster of firms, hospitals and others in and around
   * Fukushima with needs, matched with {@link MatchingProblem#from(Cluster)} — the standard
   * constraints (capabilities, certifications, PMD Act role, lot size, preferred region) and
   * the standard scorer.
   *
   * @return the arbitrary
   */
  public static Arbitrary<MatchingProblem> realisticProblems() {
    Arbitrary<Organization> organizations = ClusterArbitraries.organizations()
        .inPrefectures(Prefecture.FUKUSHIMA, Prefecture.MIYAGI, Prefecture.YAMAGATA, Prefecture.TOCHIGI,
            Prefecture.TOKYO)
        .withCapacity(0, 3);
    return ClusterArbitraries.clusters()
        .withOrganizations(2, 25)
        .withRelationships(0, 30)
        .withNeeds(1, 12)
        .withPrograms(0, 0)
        .withOrganizationsFrom(organizations)
        .map(cluster -> MatchingProblem.from(cluster).build());
  }

  /**
   * Shortlists of realistic problems ({@link #realisticProblems()}) with {@code k} from 1 to 5:
   * for properties of code that reads or prints {@link Shortlists}. Check one against its problem
   * with {@link io.github.renkei.cluster.matching.MatchChecks#shortlistProblems(MatchingProblem,
   * Shortlists)}; for that, draw the problem and {@link #shortlistSizes()} separately.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Shortlists> shortlists() {
    return Combinators.combine(realisticProblems(), shortlistSizes()).as(Shortlists::of);
  }

  /**
   * Shortlist lengths {@code k} from 1 to 5, shrinking towards 1.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Integer> shortlistSizes() {
    return Arbitraries.integers().between(1, 5);
  }
}
