package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.ScoreBreakdown;
import io.github.renkei.cluster.matching.Shortlist;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A need's {@link Shortlist} as the {@code shortlist} command prints it: a line on the need, then
 * the candidates and the near misses as tables whose columns — rank, supplier id, name (the
 * native name where there is one), prefecture, capacity left, score, each score component, and
 * for near misses the constraint failed and why — are padded by display width, so that names in
 * kanji line up with names in Latin letters.
 */
final class ShortlistTable {

  private ShortlistTable() {}

  /**
   * Formats a shortlist.
   *
   * @param problem the problem it was made from (for names, prefectures and the need)
   * @param shortlist the shortlist
   * @return the lines, each ending in {@code \n}
   */
  static String format(MatchingProblem problem, Shortlist shortlist) {
    Need need = problem.need(shortlist.need()).orElseThrow();
    StringBuilder s = new StringBuilder();
    s.append(describe(problem, need)).append('\n');
    shortlist.lockedTo().ifPresent(l -> s.append("locked to ").append(l).append(" in this problem\n"));
    if (shortlist.candidates().isEmpty()) {
      s.append("no supplier is eligible\n");
    } else {
      s.append(shortlist.eligible() == 1 ? "the only eligible supplier:\n"
          : shortlist.eligible() == shortlist.candidates().size()
          ? "all " + shortlist.eligible() + " eligible suppliers, best first:\n"
          : "the best " + shortlist.candidates().size() + " of " + shortlist.eligible() + " eligible suppliers:\n");
      List<Row> rows = new ArrayList<>();
      for (Shortlist.Candidate c : shortlist.candidates()) {
        rows.add(new Row(c.rank(), c.supplier(), c.capacity(), c.capacityLeft(), c.score(), null));
      }
      table(problem, rows, s);
    }
    if (shortlist.nearMissCount() == 0) {
      s.append("no near misses: every other supplier fails two constraints or more\n");
    } else if (shortlist.nearMisses().isEmpty()) {
      s.append(shortlist.nearMissCount()).append(" near misses (suppliers failing exactly one constraint), none"
          + " listed\n");
    } else {
      int listed = shortlist.nearMisses().size();
      int all = shortlist.nearMissCount();
      s.append(all == 1 ? "one near miss, failing exactly one constraint:\n"
          : "near misses, failing exactly one constraint — " + (listed == all ? "all " + all : "the best " + listed
              + " of " + all) + ", by the score they would have:\n");
      List<Row> rows = new ArrayList<>();
      for (Shortlist.NearMiss m : shortlist.nearMisses()) {
        rows.add(new Row(m.rank(), m.supplier(), m.capacity(), m.capacityLeft(), m.score(), m.violation().toString()));
      }
      table(problem, rows, s);
    }
    return s.toString();
  }

  /** For example {@code syn-need-03: OEM, class II, for syn-hospital-large (福島県); needs CLEANROOM_ASSEMBLY}. */
  static String describe(MatchingProblem problem, Need need) {
    List<String> parts = new ArrayList<>();
    parts.add(need.kind() + need.deviceClass().map(c -> ", class " + c).orElse(""));
    Organization requester = problem.world().require(need.requester());
    parts.add("for " + need.requester() + " (" + requester.prefecture().nameJa() + ")");
    List<String> wants = new ArrayList<>();
    if (!need.requiredCapabilities().isEmpty()) {
      wants.add("needs " + join(need.requiredCapabilities()));
    }
    if (!need.requiredCertifications().isEmpty()) {
      wants.add("certified " + join(need.requiredCertifications()));
    }
    need.lotSize().ifPresent(l -> wants.add("lots of " + l));
    need.preferredPrefecture().ifPresent(p -> wants.add("in " + p.nameJa()));
    need.preferredBlock().ifPresent(b -> wants.add("in " + b.nameJa()));
    need.addressedTo().ifPresent(a -> wants.add("addressed to " + a));
    return need.id() + ": " + String.join(", ", parts) + (wants.isEmpty() ? "" : "; " + String.join("; ", wants))
        + need.description().map(d -> " — " + d).orElse("");
  }

  private static String join(Set<?> values) {
    return values.stream().map(Object::toString).collect(Collectors.joining(" and "));
  }

  /** One line of a table: a candidate, or a near miss with what it fails. */
  private record Row(int rank, OrganizationId supplier, int capacity, int capacityLeft, ScoreBreakdown score,
      String fails) {}

  private static void table(MatchingProblem problem, List<Row> rows, StringBuilder s) {
    Set<String> components = new LinkedHashSet<>();
    rows.forEach(r -> components.addAll(r.score.components().keySet()));
    boolean nearMisses = rows.get(0).fails != null;
    List<String> header = new ArrayList<>(List.of("rank", "supplier", "name", "prefecture", "free", "score"));
    header.addAll(components);
    if (nearMisses) {
      header.add("fails");
    }
    List<List<String>> cells = new ArrayList<>();
    cells.add(header);
    for (Row r : rows) {
      Organization o = problem.world().require(r.supplier);
      List<String> line = new ArrayList<>(List.of(Integer.toString(r.rank), r.supplier.toString(),
          o.nativeName().orElse(o.name()), o.prefecture().nameJa(), r.capacityLeft + "/" + r.capacity,
          number(r.score.total())));
      for (String c : components) {
        Double v = r.score.components().get(c);
        line.add(v == null ? "-" : number(v));
      }
      if (nearMisses) {
        line.add(r.fails);
      }
      cells.add(line);
    }
    int columns = header.size();
    int[] width = new int[columns];
    for (List<String> line : cells) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], DisplayWidth.of(line.get(i)));
      }
    }
    // numbers right-aligned: rank, free, score and the components; text left-aligned
    for (List<String> line : cells) {
      StringBuilder l = new StringBuilder("  ");
      for (int i = 0; i < columns; i++) {
        String cell = line.get(i);
        boolean numeric = i == 0 || (i >= 4 && i < 6 + components.size());
        String padded = numeric ? " ".repeat(width[i] - DisplayWidth.of(cell)) + cell
            : i == columns - 1 ? cell : DisplayWidth.padRight(cell, width[i]);
        l.append(padded);
        if (i < columns - 1) {
          l.append("  ");
        }
      }
      s.append(l.toString().stripTrailing()).append('\n');
    }
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
