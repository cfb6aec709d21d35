package io.github.renkei.cluster.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean …" for names a user typed: the known names within a small edit distance of a
 * name. Not API.
 */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The suggestion to append to a message.
   *
   * @param name the name given
   * @param known the names that exist
   * @return {@code "; did you mean 'x'?"} (nearest first, ties in the order given), or empty if
   *     no known name is near
   */
  public static String suggestion(String name, Collection<String> known) {
    List<String> near = nearest(known, name);
    if (near.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("; did you mean ");
    for (int i = 0; i < near.size(); i++) {
      if (i > 0) {
        s.append(i == near.size() - 1 ? " or " : ", ");
      }
      s.append('\'').append(near.get(i)).append('\'');
    }
    return s.append('?').toString();
  }

  /**
   * The known names nearest to a name, case folded, within {@link #limit} of it.
   *
   * @param known the names that exist
   * @param name the name given
   * @return the nearest, in the order given
   */
  public static List<String> nearest(Collection<String> known, String name) {
    String folded = name.toUpperCase(Locale.ROOT);
    int best = Integer.MAX_VALUE;
    List<String> out = new ArrayList<>();
    for (String k : known) {
      int limit = limit(k.length());
      if (Math.abs(k.length() - name.length()) > limit) {
        continue;
      }
      int d = distance(folded, k.toUpperCase(Locale.ROOT));
      if (d > limit || d > best) {
        continue;
      }
      if (d < best) {
        best = d;
        out.clear();
      }
      out.add(k);
    }
    return out;
  }

  /**
   * How far a name may be from a known name of a length and still count as its typo.
   *
   * @param length the known name's length
   * @return 0 up to 3 characters, 1 up to 7, 2 beyond
   */
  public static int limit(int length) {
    return length <= 3 ? 0 : length <= 7 ? 1 : 2;
  }

  /**
   * The optimal-string-alignment distance: the Levenshtein distance with swaps of adjacent
   * characters counting 1 (Damerau, "A technique for computer detection and correction of
   * spelling errors", CACM 7(3), 1964), no substring edited twice.
   *
   * @param a one string
   * @param b the other
   * @return the distance
   */
  public static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[n][m];
  }
}
