package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.Relationship;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of {@code Cluster.builder().addOrganizations(..).addRelationships(..).build()}: one call
 * per iteration (single shot), for {@code organizations} organizations and ten times as many
 * relationships. The content is generated once per fork ({@link BenchData}); every build starts
 * from the same unbuilt content, whose relationships hold their own id instances.
 *
 * <p>Target (issue 3): median under 2 s for 100,000 organizations and 1,000,000 relationships.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 2, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class ClusterBuildBenchmark {

  /** Number of organizations; the relationships are ten times as many. */
  @Param({"10000", "100000"})
  public int organizations;

  private List<Organization> orgs;
  private List<Relationship> ties;

  /** Generates the content, once per fork. */
  @Setup(Level.Trial)
  public void generate() {
    orgs = BenchData.organizations(organizations, BenchData.SEED);
    ties = BenchData.relationships(organizations, 10 * organizations, BenchData.SEED + 1);
  }

  /**
   * Validates, sorts and indexes everything.
   *
   * @return the cluster
   */
  @Benchmark
  public Cluster build() {
    return Cluster.builder().addOrganizations(orgs).addRelationships(ties).build();
  }
}
