package io.github.renkei.cluster.regulation;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The risk class of a medical device, from I (lowest risk) to IV (highest).
 *
 * <p>Four classes follow the GHTF/IMDRF risk-based classification rules (GHTF/SG1/N77:2012,
 * classes A–D), which Japan adopted as classes I–IV (クラス分類) and the EU MDR as I, IIa, IIb
 * and III. What each class means in law is the business of a {@link RegulatoryProfile}; in
 * Japan see {@link JapanPmdAct#category(DeviceClass)}.
 */
public enum DeviceClass {
  /** Class I: extremely low risk if it fails (e.g. scalpels, X-ray film). */
  I,
  /** Class II: relatively low risk (e.g. MRI units, electronic sphygmomanometers). */
  II,
  /** Class III: relatively high risk (e.g. dialysers, artificial bones). */
  III,
  /** Class IV: directly life-threatening if it fails (e.g. pacemakers, stents). */
  IV;

  /**
   * Parses a class written as a Roman numeral ({@code "II"}), an Arabic digit ({@code "2"}) or
   * with a prefix ({@code "class II"}, {@code "クラスII"}, {@code "クラスⅡ"}).
   *
   * @param text the class as text
   * @return the class
   * @throws IllegalArgumentException naming the text if it is not a device class
   */
  public static DeviceClass parse(String text) {
    checkNotNull(text, "text");
    String s = text.strip();
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("class")) {
      s = s.substring(5).strip();
    } else if (s.startsWith("クラス")) {
      s = s.substring(3).strip();
    }
    switch (s) {
      case "I": case "1": case "Ⅰ":
        return I;
      case "II": case "2": case "Ⅱ":
        return II;
      case "III": case "3": case "Ⅲ":
        return III;
      case "IV": case "4": case "Ⅳ":
        return IV;
      default:
        throw new IllegalArgumentException("unknown device class '" + text + "' (expected I, II, III or IV)");
    }
  }

  /**
   * Whether this class carries at least the risk of another.
   *
   * @param other the other class
   * @return {@code true} if this class is {@code other} or higher
   */
  public boolean isAtLeast(DeviceClass other) {
    return compareTo(other) >= 0;
  }
}
