package io.github.renkei.cluster.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean ...?" for a name a file gives that is not one of the known names: the known
 * names nearest to it in edit distance (a swap of neighbours is one edit), case folded, within
 * a third of its length (at least 1, at most 3), so that a typo is named and an unrelated word
 * is not.
 */
final class Nearest {

  private Nearest() {}

  /** {@code "; did you mean 'x'?"}, or empty if no known name is near. */
  static String suggestion(String name, Collection<String> known) {
    List<String> near = new ArrayList<>();
    int best = Integer.MAX_VALUE;
    String folded = name.toLowerCase(Locale.ROOT);
    for (String k : known) {
      int limit = Math.max(1, Math.min(3, k.length() / 3));
      int d = distance(folded, k.toLowerCase(Locale.ROOT));
      if (d > limit || d > best) {
        continue;
      }
      if (d < best) {
        best = d;
        near.clear();
      }
      near.add(k);
    }
    if (near.isEmpty()) {
      return "";
    }
    return "; did you mean '" + String.join("' or '", near) + "'?";
  }

  /**
   * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbours
   * as one edit (optimal string alignment), since swapped letters are the commonest typo.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
