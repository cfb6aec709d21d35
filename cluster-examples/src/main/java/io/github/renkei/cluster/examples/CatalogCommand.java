package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.region.RegionBlock;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code renkei catalog}: the nationwide support organizations of the seed's list, by block, hubs
 * marked, each with the id that code and cluster files use ({@code Catalog.nationwide().get(id)}).
 * Columns are padded by display width, so names in kanji line up with names in Latin letters.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = "List the nationwide support organizations of the seed's list by region block, with their ids;"
        + " ★ marks a hub.")
final class CatalogCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--block", paramLabel = "BLOCK", completionCandidates = BlockNames.class,
      description = "Only this block (any case): ${COMPLETION-CANDIDATES}.")
  RegionBlock block;

  /** The blocks' names as the help shows them, in lower case like the values of {@code match --matcher}. */
  static final class BlockNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(RegionBlock.values()).map(b -> b.name().toLowerCase(Locale.ROOT)).iterator();
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Catalog catalog = Catalog.nationwide();
    out.printf("The seed's nationwide support network: %d organizations, %d hubs (★)%n",
        catalog.supportOrganizations().size(), catalog.hubs().size());
    // one set of column widths for every block, so that the blocks line up with each other too
    List<Organization> all = catalog.supportOrganizations();
    int idWidth = all.stream().mapToInt(o -> DisplayWidth.of(o.id().toString())).max().orElse(0);
    int nameWidth = all.stream().mapToInt(o -> DisplayWidth.of(o.nativeName().orElse(o.name()))).max().orElse(0);
    int prefectureWidth = all.stream().mapToInt(o -> DisplayWidth.of(o.prefecture().nameJa())).max().orElse(0);
    for (RegionBlock b : RegionBlock.values()) {
      if (block != null && b != block) {
        continue;
      }
      List<Organization> orgs = catalog.supportOrganizationsIn(b);
      out.printf("%n%s %s (%d)%n", b.nameEn(), b.nameJa(), orgs.size());
      for (Organization o : orgs) {
        out.println(String.join(" ", "  " + (o.isHub() ? "★" : " "), DisplayWidth.padRight(o.id().toString(), idWidth),
            DisplayWidth.padRight(o.nativeName().orElse(o.name()), nameWidth),
            DisplayWidth.padRight(o.prefecture().nameJa(), prefectureWidth), o.name()));
      }
    }
    return 0;
  }
}
