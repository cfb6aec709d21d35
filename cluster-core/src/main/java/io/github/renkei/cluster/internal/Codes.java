package io.github.renkei.cluster.internal;

import java.util.regex.Pattern;

/** Validation shared by the open code-and-label value types. Not API. */
public final class Codes {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

  private Codes() {}

  /**
   * Checks a code and a label.
   *
   * @param code the code: letters, digits and {@code _ . : -}, starting with a letter or digit,
   *     at most 128 characters
   * @param label the label, not blank
   * @param what the kind of value, for messages ("capability")
   * @return the stripped label
   */
  public static String checkCodeAndLabel(String code, String label, String what) {
    if (code == null) {
      throw new NullPointerException(what + " code must not be null");
    }
    if (label == null) {
      throw new NullPointerException(what + " label must not be null (" + what + " '" + code + "')");
    }
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          what + " code must be 1 to 128 letters, digits and _.:- (starting with a letter or digit) but was '"
              + code + "'");
    }
    if (label.isBlank()) {
      throw new IllegalArgumentException(what + " label must not be blank (" + what + " '" + code + "')");
    }
    return label.strip();
  }
}
