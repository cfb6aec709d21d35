package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.region.RegionBlock;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code renkei catalog}: the nationwide support organizations of the seed's list, by block, hubs marked. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = "List the nationwide support organizations of the seed's list by region block; ★ marks a hub.")
final class CatalogCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--block", paramLabel = "BLOCK",
      description = "Only this block: ${COMPLETION-CANDIDATES}.")
  RegionBlock block;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Catalog catalog = Catalog.nationwide();
    out.printf("The seed's nationwide support network: %d organizations, %d hubs (★)%n",
        catalog.supportOrganizations().size(), catalog.hubs().size());
    for (RegionBlock b : RegionBlock.values()) {
      if (block != null && b != block) {
        continue;
      }
      List<Organization> orgs = catalog.supportOrganizationsIn(b);
      out.printf("%n%s %s (%d)%n", b.nameEn(), b.nameJa(), orgs.size());
      for (Organization o : orgs) {
        out.printf("  %s %-34s %-12s %s%n", o.isHub() ? "★" : " ", o.nativeName().orElse(o.name()),
            o.prefecture().nameJa(), o.name());
      }
    }
    return 0;
  }
}
