package io.github.renkei.cluster.bench;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.Sector;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One indexed lookup per operation on the cluster of 100,000 organizations and 1,000,000
 * relationships, cycling through {@value #KEYS} random keys so that neither the key nor the
 * answer is constant. Ids are separate instances equal to the cluster's (as a caller would pass
 * them), their hash codes already cached, as for any String used twice.
 *
 * <p>Target (issue 3): under 1 µs per lookup.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Thread)
public class ClusterLookupBenchmark {

  static final int KEYS = 4096;
  private static final int MASK = KEYS - 1;

  private Cluster cluster;
  private final OrganizationId[] ids = new OrganizationId[KEYS];
  private final Prefecture[] prefectures = new Prefecture[KEYS];
  private final RegionBlock[] blocks = new RegionBlock[KEYS];
  private final Sector[] sectors = new Sector[KEYS];
  private final Capability[] capabilities = new Capability[KEYS];
  private final Certification[] certifications = new Certification[KEYS];
  private int i;

  /** Builds the cluster and draws the keys, once per fork. */
  @Setup(Level.Trial)
  public void setUp() {
    cluster = BenchData.build(
        BenchData.organizations(BenchData.ORGANIZATIONS, BenchData.SEED),
        BenchData.relationships(BenchData.ORGANIZATIONS, BenchData.RELATIONSHIPS, BenchData.SEED + 1));
    SplittableRandom rnd = new SplittableRandom(BenchData.SEED + 2);
    Prefecture[] p = Prefecture.values();
    RegionBlock[] b = RegionBlock.values();
    Sector[] s = Sector.values();
    List<Capability> c = Capability.standard();
    List<Certification> k = Certification.standard();
    for (int j = 0; j < KEYS; j++) {
      ids[j] = new OrganizationId(BenchData.idText(rnd.nextInt(BenchData.ORGANIZATIONS)));
      ids[j].hashCode();
      prefectures[j] = p[rnd.nextInt(p.length)];
      blocks[j] = b[rnd.nextInt(b.length)];
      sectors[j] = s[rnd.nextInt(s.length)];
      capabilities[j] = c.get(rnd.nextInt(c.size()));
      certifications[j] = k.get(rnd.nextInt(k.size()));
    }
  }

  /**
   * {@code organization(id)}.
   *
   * @return the answer
   */
  @Benchmark
  public Optional<Organization> organization() {
    return cluster.organization(ids[i++ & MASK]);
  }

  /**
   * {@code organizationsIn(Prefecture)}.
   *
   * @return the answer
   */
  @Benchmark
  public ImmutableList<Organization> organizationsInPrefecture() {
    return cluster.organizationsIn(prefectures[i++ & MASK]);
  }

  /**
   * {@code organizationsIn(RegionBlock)}.
   *
   * @return the answer
   */
  @Benchmark
  public ImmutableList<Organization> organizationsInBlock() {
    return cluster.organizationsIn(blocks[i++ & MASK]);
  }

  /**
   * {@code organizationsOf(Sector)}.
   *
   * @return the answer
   */
  @Benchmark
  public ImmutableList<Organization> organizationsOfSector() {
    return cluster.organizationsOf(sectors[i++ & MASK]);
  }

  /**
   * {@code organizationsWith(Capability)}.
   *
   * @return the answer
   */
  @Benchmark
  public ImmutableList<Organization> organizationsWithCapability() {
    return cluster.organizationsWith(capabilities[i++ & MASK]);
  }

  /**
   * {@code organizationsHolding(Certification)}.
   *
   * @return the answer
   */
  @Benchmark
  public ImmutableList<Organization> organizationsHoldingCertification() {
    return cluster.organizationsHolding(certifications[i++ & MASK]);
  }

  /**
   * {@code tiesFrom(id)}.
   *
   * @return the answer
   */
  @Benchmark
  public ImmutableList<Relationship> tiesFrom() {
    return cluster.tiesFrom(ids[i++ & MASK]);
  }

  /**
   * {@code tiesTo(id)}.
   *
   * @return the answer
   */
  @Benchmark
  public ImmutableList<Relationship> tiesTo() {
    return cluster.tiesTo(ids[i++ & MASK]);
  }
}
