package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.region.Prefecture;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic cluster content for the benchmarks and the footprint measurement, the same for every
 * run: a fixed seed, organizations {@code org-000001 ... org-N}, and relationships between
 * distinct random organizations without exact duplicates. Every relationship is made with new
 * {@link OrganizationId} (and new id-text) instances, as a file loader would make them, so
 * {@link Cluster.Builder#build()} has to look every end up and replace it by the shared id.
 */
final class BenchData {

  /** The size named in the issue. */
  static final int ORGANIZATIONS = 100_000;
  /** The size named in the issue. */
  static final int RELATIONSHIPS = 1_000_000;

  static final long SEED = 20_260_301L;

  private static final OrganizationType[] TYPES = OrganizationType.values();
  private static final Prefecture[] PREFECTURES = Prefecture.values();
  private static final EntryStage[] STAGES = EntryStage.values();
  private static final RelationshipType[] TIE_TYPES = RelationshipType.values();
  private static final List<Capability> CAPABILITIES = Capability.standard();
  private static final List<Certification> CERTIFICATIONS = Certification.standard();

  private BenchData() {}

  /**
   * Returns a fresh id text for position {@code i} (0-based): {@code org-000001} for 0. A new
   * String each call, with no cached hash code, like text read from a file.
   */
  static String idText(int i) {
    char[] c = {'o', 'r', 'g', '-', '0', '0', '0', '0', '0', '0'};
    int v = i + 1;
    for (int k = c.length - 1; k >= 4 && v > 0; k--) {
      c[k] = (char) ('0' + v % 10);
      v /= 10;
    }
    if (v > 0) {
      return "org-" + (i + 1);
    }
    return new String(c);
  }

  /** Organizations with ids {@code org-000001 ... } and random attributes. */
  static List<Organization> organizations(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Organization> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      OrganizationId id = new OrganizationId(idText(i));
      out.add(Organization.builder(id, "Organization " + (i + 1),
              TYPES[rnd.nextInt(TYPES.length)], PREFECTURES[rnd.nextInt(PREFECTURES.length)])
          .entryStage(STAGES[rnd.nextInt(STAGES.length)])
          .capabilities(pick(CAPABILITIES, rnd.nextInt(4), rnd))
          .certifications(pick(CERTIFICATIONS, rnd.nextInt(3), rnd))
          .capacity(rnd.nextInt(6))
          .build());
    }
    return out;
  }

  /** {@code k} distinct elements of {@code all}, by a partial Fisher-Yates shuffle. */
  private static <T> List<T> pick(List<T> all, int k, SplittableRandom rnd) {
    List<T> pool = new ArrayList<>(all);
    List<T> out = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      int r = j + rnd.nextInt(pool.size() - j);
      T t = pool.get(r);
      pool.set(r, pool.get(j));
      pool.set(j, t);
      out.add(t);
    }
    return out;
  }

  /**
   * {@code m} distinct relationships among organizations {@code 0 ... n-1}: distinct ends, a
   * random type, start year 1990 to 2030, no end year or the start plus 0 to 10 years. Exact
   * duplicates are drawn again. The list is in random order.
   */
  static List<Relationship> relationships(int n, int m, long seed) {
    if (n > (1 << 17)) {
      throw new IllegalArgumentException("at most 131072 organizations: " + n);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    Set<Long> seen = new HashSet<>(m * 2);
    List<Relationship> out = new ArrayList<>(m);
    while (out.size() < m) {
      int from = rnd.nextInt(n);
      int to = rnd.nextInt(n - 1);
      if (to >= from) {
        to++;
      }
      int type = rnd.nextInt(TIE_TYPES.length);
      int start = 1990 + rnd.nextInt(41);
      int end = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(11); // 0: open; else start + end - 1
      long key = (long) from << 31 | (long) to << 14 | (long) type << 10 | (long) (start - 1990) << 4 | end;
      if (!seen.add(key)) {
        continue;
      }
      OrganizationId f = new OrganizationId(idText(from));
      OrganizationId t = new OrganizationId(idText(to));
      out.add(end == 0
          ? Relationship.of(f, TIE_TYPES[type], t, start)
          : Relationship.of(f, TIE_TYPES[type], t, start, start + end - 1));
    }
    return out;
  }

  /** Builds the cluster the way the benchmarks measure it. */
  static Cluster build(List<Organization> organizations, List<Relationship> relationships) {
    return Cluster.builder().addOrganizations(organizations).addRelationships(relationships).build();
  }
}
