package io.github.renkei.cluster.funding;

import java.util.Locale;

/** Number formats shared by the funding values' text forms; independent of the default locale. */
final class Text {

  private Text() {}

  /** Formats yen, for example {@code ¥13,400M}, {@code ¥0.5M} or {@code ¥900}. */
  static String yen(long yen) {
    if (yen < 1_000_000) {
      return String.format(Locale.ROOT, "¥%,d", yen);
    }
    if (yen % 1_000_000 == 0) {
      return String.format(Locale.ROOT, "¥%,dM", yen / 1_000_000);
    }
    return String.format(Locale.ROOT, "¥%,.1fM", yen / 1e6);
  }

  /** Formats a share as a whole percentage, for example {@code 75%}. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  /** Formats a share with two decimals, for example {@code 0.75}. */
  static String share(double share) {
    return String.format(Locale.ROOT, "%.2f", share);
  }

  /** Returns {@code ""}, or for example {@code "; 1 program of the purpose has unknown years"}. */
  static String unknownYears(int count, String which) {
    if (count == 0) {
      return "";
    }
    return "; " + count + (count == 1 ? " program " : " programs ") + which + (count == 1 ? " has" : " have")
        + " unknown years";
  }
}
