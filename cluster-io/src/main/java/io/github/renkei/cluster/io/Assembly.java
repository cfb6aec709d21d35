package io.github.renkei.cluster.io;

import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.ClusterValidationException;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.Problem;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.Vocabulary;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects the elements read from a cluster's files and checks what lies between them — ids
 * used twice, relationships listed twice, references to organizations that are not there — so
 * that each error names the line of the offending element. Organizations must all be added
 * before anything that refers to them.
 */
final class Assembly {

  private final String source;
  private final Cluster.Builder builder;
  private final Map<OrganizationId, Integer> organizations = new HashMap<>();
  private final Map<Relationship, Integer> relationships = new HashMap<>();
  private final Map<NeedId, Integer> needs = new HashMap<>();
  private final Map<ProgramId, Integer> programs = new HashMap<>();

  /**
   * Starts an empty assembly.
   *
   * @param source the file or folder, for an error no single line explains
   * @param vocabulary the vocabulary the cluster's codes were checked against, which it keeps
   */
  Assembly(String source, Vocabulary vocabulary) {
    this.source = source;
    this.builder = Cluster.builder().vocabulary(vocabulary);
  }

  void add(Organization o, Records.In in) {
    once(organizations, o.id(), in, "id", "organization id '" + o.id() + "' is used more than once");
    builder.add(o);
  }

  void add(Relationship r, Records.In in) {
    known(r.from(), in, "from");
    known(r.to(), in, "to");
    once(relationships, r, in, null, "relationship " + r + " is listed more than once");
    builder.add(r);
  }

  void add(Need n, Records.In in) {
    known(n.requester(), in, "requester");
    n.addressedTo().ifPresent(a -> known(a, in, "addressedTo"));
    once(needs, n.id(), in, "id", "need id '" + n.id() + "' is used more than once");
    builder.add(n);
  }

  void add(FundingProgram p, Records.In in) {
    known(p.sponsor(), in, "sponsor");
    once(programs, p.id(), in, "id", "program id '" + p.id() + "' is used more than once");
    builder.add(p);
  }

  private void known(OrganizationId id, Records.In in, String field) {
    if (!organizations.containsKey(id)) {
      throw in.fail(field, "unknown organization '" + id + "'");
    }
  }

  private static <K> void once(Map<K, Integer> lines, K key, Records.In in, String field, String problem) {
    Integer first = lines.putIfAbsent(key, in.line());
    if (first != null) {
      throw in.fail(field, problem + " (first on line " + first + ")");
    }
  }

  /**
   * Builds the cluster. The checks above leave the model nothing to find; should it find
   * something all the same, the error names the source and the ids involved.
   */
  Cluster build() {
    try {
      return builder.build();
    } catch (ClusterValidationException e) {
      Problem first = e.problems().get(0);
      throw new ClusterFormatException(source, 0, null, first.ids().get(0), e.getMessage());
    }
  }
}
