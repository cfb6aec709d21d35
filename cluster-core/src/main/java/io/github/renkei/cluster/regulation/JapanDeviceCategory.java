package io.github.renkei.cluster.regulation;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;

/**
 * The three legal categories of medical devices under Japan's PMD Act (Article 2, paragraphs
 * 5 to 7), each covering one or two {@link DeviceClass}es.
 */
public enum JapanDeviceCategory {
  /** 一般医療機器 (general medical devices): class I. */
  GENERAL("一般医療機器", "general medical device", Sets.immutableEnumSet(DeviceClass.I)),
  /** 管理医療機器 (controlled medical devices): class II. */
  CONTROLLED("管理医療機器", "controlled medical device", Sets.immutableEnumSet(DeviceClass.II)),
  /** 高度管理医療機器 (specially controlled medical devices): classes III and IV. */
  SPECIALLY_CONTROLLED(
      "高度管理医療機器",
      "specially controlled medical device",
      Sets.immutableEnumSet(DeviceClass.III, DeviceClass.IV));

  private final String nameJa;
  private final String nameEn;
  private final ImmutableSet<DeviceClass> classes;

  JapanDeviceCategory(String nameJa, String nameEn, ImmutableSet<DeviceClass> classes) {
    this.nameJa = nameJa;
    this.nameEn = nameEn;
    this.classes = classes;
  }

  /**
   * Returns the category of a class.
   *
   * @param deviceClass the class
   * @return its category
   */
  public static JapanDeviceCategory of(DeviceClass deviceClass) {
    switch (deviceClass) {
      case I:
        return GENERAL;
      case II:
        return CONTROLLED;
      default:
        return SPECIALLY_CONTROLLED;
    }
  }

  /**
   * Returns the legal term.
   *
   * @return for example {@code 高度管理医療機器}
   */
  public String nameJa() {
    return nameJa;
  }

  /**
   * Returns the English term used in PMDA's English documents.
   *
   * @return for example {@code specially controlled medical device}
   */
  public String nameEn() {
    return nameEn;
  }

  /**
   * Returns the device classes in this category.
   *
   * @return one or two classes
   */
  public ImmutableSet<DeviceClass> classes() {
    return classes;
  }
}
