package io.github.renkei.cluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.renkei.cluster.model.Cluster;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs a property that fails for every cluster with at least three organizations and two ties,
 * and checks that jqwik shrinks the counterexample to exactly that: three organizations, two
 * ties, no needs, no programs.
 */
class ShrinkingTest {

  static volatile boolean armed;
  static final List<Cluster> FAILING = Collections.synchronizedList(new ArrayList<>());

  @Test
  void aFailingClusterShrinksToTheSmallestCounterexample() {
    FAILING.clear();
    armed = true;
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    try {
      LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
          .selectors(selectClass(Fixture.class))
          .configurationParameter("jqwik.database", "target/jqwik-shrinking-database")
          .configurationParameter("jqwik.reporting.onlyfailures", "true")
          .build();
      Launcher launcher = LauncherFactory.create();
      launcher.execute(request, summary);
    } finally {
      armed = false;
    }
    assertEquals(1, summary.getSummary().getTestsFailedCount());
    Cluster smallest = FAILING.stream()
        .min(Comparator.comparingInt((Cluster c) -> c.organizationCount() + c.relationshipCount()
            + c.needs().size() + c.programs().size()))
        .orElseThrow();
    assertEquals(3, smallest.organizationCount(), smallest::toString);
    assertEquals(2, smallest.relationshipCount(), smallest::toString);
    assertEquals(0, smallest.needs().size(), smallest::toString);
    assertEquals(0, smallest.programs().size(), smallest::toString);
  }

  /** Not a test on its own: it only fails while {@link ShrinkingTest} runs it. */
  static class Fixture {
    @Provide
    Arbitrary<Cluster> clusters() {
      return ClusterArbitraries.clusters().withOrganizations(1, 30).withRelationships(0, 60);
    }

    @Property(seed = "20261125", tries = 200, shrinking = ShrinkingMode.FULL)
    void failsForThreeOrganizationsAndTwoTies(@ForAll("clusters") Cluster c) {
      if (!armed) {
        return;
      }
      boolean big = c.organizationCount() >= 3 && c.relationshipCount() >= 2;
      if (big) {
        FAILING.add(c);
      }
      assertFalse(big);
    }
  }
}
