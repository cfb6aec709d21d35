package io.github.renkei.cluster.funding;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.FundingPurpose;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.ProgramId;
import java.util.List;

/** Programs for the tests: the seed's national programs from the catalog, and hand-made ones. */
final class Programs {

  private Programs() {}

  /** The catalog's program with an id, as the catalog has it. */
  static FundingProgram seed(String id) {
    return Catalog.nationwide().cluster().program(ProgramId.of(id))
        .orElseThrow(() -> new AssertionError("the catalog has no program " + id));
  }

  /** The catalog's program with explicit years, to make a gap or cliff case exact. */
  static FundingProgram seed(String id, int first, int last) {
    return seed(id).toBuilder().firstYear(first).lastYear(last).build();
  }

  /** The catalog's program with an explicit first year and no last year (ongoing). */
  static FundingProgram seedFrom(String id, int first) {
    FundingProgram p = seed(id);
    if (p.lastYear().isPresent()) {
      throw new AssertionError(id + " has a last year in the catalog");
    }
    return p.toBuilder().firstYear(first).build();
  }

  static FundingProgram.Builder program(String id, FundingLevel level, FundingPurpose purpose) {
    return FundingProgram.builder(ProgramId.of(id), "Program " + id, OrganizationId.of("sponsor-" + id), level, purpose);
  }

  static FundingProgram program(String id, FundingLevel level, FundingPurpose purpose, int first, int last) {
    return program(id, level, purpose).firstYear(first).lastYear(last).build();
  }

  static FundingProgram ongoing(String id, FundingLevel level, FundingPurpose purpose, int first) {
    return program(id, level, purpose).firstYear(first).build();
  }

  static List<String> ids(List<FundingProgram> programs) {
    return programs.stream().map(p -> p.id().value()).toList();
  }

  static ProgramId pid(String id) {
    return ProgramId.of(id);
  }
}
