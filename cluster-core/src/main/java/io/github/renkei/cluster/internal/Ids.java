package io.github.renkei.cluster.internal;

/** Validation shared by the id value types. Not API. */
public final class Ids {

  /** Longest id accepted; ids are keys, not documents. */
  public static final int MAX_LENGTH = 256;

  private Ids() {}

  /**
   * Checks an id's text.
   *
   * @param value the text
   * @param what what the id identifies, for the message ("organization id")
   * @return the value
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException naming the value if it is blank, padded, too long or
   *     holds a control character
   */
  public static String check(String value, String what) {
    if (value == null) {
      throw new NullPointerException(what + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank but was '" + value + "'");
    }
    if (!value.equals(value.strip())) {
      throw new IllegalArgumentException(
          what + " must not start or end with white space but was '" + value + "'");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          what + " must be at most " + MAX_LENGTH + " characters but was " + value.length()
              + " ('" + value.substring(0, 32) + "...')");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(
            what + " must not contain control characters but was '" + value.replaceAll("\\p{Cntrl}", "?")
                + "' (character " + (int) value.charAt(i) + " at index " + i + ")");
      }
    }
    return value;
  }
}
