package io.github.renkei.cluster.regulation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Japan's Act on Securing Quality, Efficacy and Safety of Products Including Pharmaceuticals
 * and Medical Devices (医薬品、医療機器等の品質、有効性及び安全性の確保等に関する法律, the PMD
 * Act or 薬機法; Act No. 145 of 1960) as it applies to medical devices since 25 November 2014.
 *
 * <pre>{@code
 * JapanPmdAct law = JapanPmdAct.get();
 * law.category(DeviceClass.III);                     // SPECIALLY_CONTROLLED (高度管理医療機器)
 * law.marketingLicenceFor(DeviceClass.II);           // MAH_SECOND_CLASS (第二種製造販売業許可)
 * law.routeToMarket(DeviceClass.II, true);           // CERTIFICATION (認証)
 * law.requirement(Role.CONTRACT_MANUFACTURER, DeviceClass.II)
 *    .isSatisfiedBy(Set.of(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY)));  // true
 * }</pre>
 *
 * <h2>The rules, and where they come from</h2>
 * <ul>
 *   <li><b>Categories.</b> Class I devices are 一般医療機器, class II 管理医療機器, classes III and IV
 *       高度管理医療機器 (Article 2(5)–(7); the classes I–IV come from the classification notice
 *       平成16年厚生労働省告示第298号 of 20 July 2004, which follows the GHTF rules).
 *   <li><b>Marketing authorization licences</b> (製造販売業許可, Article 23-2): 第一種 for
 *       高度管理医療機器, 第二種 for 管理医療機器, 第三種 for 一般医療機器. A licence of a higher
 *       kind also covers the lower categories.
 *   <li><b>Manufacturer registration</b> (製造業登録, Article 23-2-3; a registration, not a
 *       licence, since the 2014 amendment): sites doing design, main assembly, sterilization or
 *       storage of the final product for the domestic market must be registered (Enforcement
 *       Regulations Article 114-8). Design sites of class I devices are exempt, because class I
 *       devices are outside the design controls of the QMS ordinance.
 *   <li><b>Routes to market.</b> Class I: notification (製造販売届出, Article 23-2-12). Class II
 *       with a certification standard (指定管理医療機器) and, since 2014, class III with one
 *       (指定高度管理医療機器): certification by a registered certification body (製造販売認証,
 *       Article 23-2-23). Otherwise, and always for class IV: approval (製造販売承認, Article
 *       23-2-5) after PMDA review.
 *   <li><b>Parts suppliers</b> (部品・部材) need neither licence nor registration: a part is
 *       not a medical device, and the registered manufacturer that builds it in answers for it.
 * </ul>
 *
 * <h2>What each role demands</h2>
 * <table>
 *   <caption>Licences a supplier must hold, by role and class</caption>
 *   <tr><th>role</th><th>class I</th><th>class II–IV</th></tr>
 *   <tr><td>{@link Role#PARTS_SUPPLIER}</td><td>none</td><td>none</td></tr>
 *   <tr><td>{@link Role#CO_DEVELOPER}</td><td>none</td><td>none</td></tr>
 *   <tr><td>{@link Role#CONTRACT_MANUFACTURER} (OEM)</td><td>main-assembly registration</td>
 *       <td>main-assembly registration</td></tr>
 *   <tr><td>{@link Role#DESIGN_MANUFACTURER} (ODM)</td><td>main-assembly registration</td>
 *       <td>design and main-assembly registrations</td></tr>
 *   <tr><td>{@link Role#MARKETING_AUTHORIZATION_HOLDER} (own product)</td>
 *       <td>any MAH licence</td><td>class II: first or second class; III–IV: first class</td></tr>
 * </table>
 * Co-developers carry no licence because the partner that markets the device answers for its
 * design (assumption: the co-developer is not the design site named in the application).
 * When a need's class is unknown, the profile assumes class IV, so that it never admits a pair
 * the law might forbid.
 *
 * <p>Sterilization and final-storage registrations are known to the profile
 * ({@link #registration(ManufacturingStep)}) but no role demands them: they belong to the
 * sites that do those steps, which a need's kind alone does not name. A chain need names its
 * steps, and {@link #stepRequirement} gives each step's registration.
 *
 * <p><b>Not modelled:</b> stand-alone software (医療機器プログラム) registers only its design
 * site, and software on a recording medium its design and final-storage sites (Enforcement
 * Regulations Article 114-8, items 1 and 2); remanufactured single-use devices (item 4) have
 * steps of their own; a new device (新医療機器) always needs approval whatever its class. The
 * profile answers for physical devices made from new parts.
 *
 * @see <a href="https://laws.e-gov.go.jp/law/335AC0000000145">e-Gov: 医薬品、医療機器等の品質、
 *     有効性及び安全性の確保等に関する法律 (Act No. 145 of 1960)</a>
 * @see <a href="https://laws.e-gov.go.jp/law/336M50000100001">e-Gov: 同法施行規則 (Article 114-8)</a>
 * @see <a href="https://www.mhlw.go.jp/web/t_doc_keyword?keyword=%E8%96%AC%E5%B1%80%E9%96%8B%E8%A8%AD%E8%80%85%E5%8F%88%E3%81%AF%E5%8C%BB%E8%96%AC%E5%93%81%E3%81%AE%E8%B2%A9%E5%A3%B2%E6%A5%AD%E3%81%AE%E8%A8%B1%E5%8F%AF%E3%82%92%E5%8F%97%E3%81%91%E3%81%9F%E8%80%85%E3%81%A7%E3%81%AA%E3%81%91%E3%82%8C%E3%81%B0&amp;dataId=81004000&amp;dataType=0&amp;pageNo=2&amp;mode=0">MHLW
 *     法令等データベース: Article 23-2, the table of marketing authorization licences</a>
 * @see <a href="https://www.pref.osaka.lg.jp/yakumu/kaiseiho-kiki/seizou-seihan.html">Osaka
 *     Prefecture: licence and route to market by class (製造販売業・製造業)</a>
 * @see <a href="https://www.iyakuhin.info/seizotouroku/">製造業登録: no registration for sites
 *     that design only class I devices</a>
 * @see <a href="https://support-advance.com/news/%E5%8C%BB%E7%99%82%E8%A3%BD%E9%80%A0%E6%A5%AD/">sites
 *     that only package and label need no registration; the final-storage site is the one that
 *     holds the product at release</a>
 * @see <a href="http://t-r-m.info/concept4.html">certification by registered bodies extended to
 *     class III on 25 November 2014</a>
 */
public final class JapanPmdAct implements RegulatoryProfile {

  /**
   * 1 April 2005: the revised Pharmaceutical Affairs Act (薬事法, amended 2002) came into force,
   * splitting marketing authorization (製造販売業) from manufacturing (製造業) and allowing
   * manufacturing to be wholly outsourced; the seed's "新たなチャンス" for small firms.
   */
  public static final LocalDate MAH_MANUFACTURER_SPLIT = LocalDate.of(2005, 4, 1);

  /**
   * 25 November 2014: the PMD Act (renamed from 薬事法) came into force; device manufacturing
   * sites moved from a licence (許可) to a registration (登録), and certification by third
   * parties was extended to class III devices with certification standards.
   */
  public static final LocalDate PMD_ACT_IN_FORCE = LocalDate.of(2014, 11, 25);

  /** 第一種医療機器製造販売業許可: may market devices of every class. */
  public static final Licence MAH_FIRST_CLASS =
      Licence.of("jp.pmd.mah.1", "第一種医療機器製造販売業許可 (first-class marketing authorization licence)");

  /** 第二種医療機器製造販売業許可: may market class I and II devices. */
  public static final Licence MAH_SECOND_CLASS =
      Licence.of("jp.pmd.mah.2", "第二種医療機器製造販売業許可 (second-class marketing authorization licence)");

  /** 第三種医療機器製造販売業許可: may market class I devices. */
  public static final Licence MAH_THIRD_CLASS =
      Licence.of("jp.pmd.mah.3", "第三種医療機器製造販売業許可 (third-class marketing authorization licence)");

  private static final Map<ManufacturingStep, Licence> REGISTRATIONS = registrations();

  private static final ImmutableSet<Licence> LICENCES =
      ImmutableSet.<Licence>builder()
          .add(MAH_FIRST_CLASS, MAH_SECOND_CLASS, MAH_THIRD_CLASS)
          .addAll(REGISTRATIONS.values())
          .build();

  private static final JapanPmdAct INSTANCE = new JapanPmdAct();

  private JapanPmdAct() {}

  /**
   * Returns the profile.
   *
   * @return the shared, immutable instance
   */
  public static JapanPmdAct get() {
    return INSTANCE;
  }

  private static Map<ManufacturingStep, Licence> registrations() {
    Map<ManufacturingStep, Licence> m = new EnumMap<>(ManufacturingStep.class);
    m.put(ManufacturingStep.DESIGN,
        Licence.of("jp.pmd.mfg.design", "医療機器製造業登録 (設計) (manufacturer registration: design)"));
    m.put(ManufacturingStep.MAIN_ASSEMBLY,
        Licence.of("jp.pmd.mfg.main-assembly",
            "医療機器製造業登録 (主たる組立て) (manufacturer registration: main assembly)"));
    m.put(ManufacturingStep.STERILIZATION,
        Licence.of("jp.pmd.mfg.sterilization",
            "医療機器製造業登録 (滅菌) (manufacturer registration: sterilization)"));
    m.put(ManufacturingStep.FINAL_STORAGE,
        Licence.of("jp.pmd.mfg.final-storage",
            "医療機器製造業登録 (最終製品の保管) (manufacturer registration: final product storage)"));
    return m;
  }

  /**
   * Returns the manufacturer registration (製造業登録) for sites doing a step.
   *
   * @param step the step
   * @return the registration, for example {@code jp.pmd.mfg.design}
   */
  public static Licence registration(ManufacturingStep step) {
    return REGISTRATIONS.get(checkNotNull(step, "step"));
  }

  /**
   * Returns the manufacturer registrations for some steps.
   *
   * @param steps the steps
   * @return their registrations, in the order given
   */
  public static ImmutableSet<Licence> registrations(ManufacturingStep... steps) {
    checkNotNull(steps, "steps");
    ImmutableSet.Builder<Licence> b = ImmutableSet.builder();
    for (ManufacturingStep s : steps) {
      b.add(registration(s));
    }
    return b.build();
  }

  @Override
  public String jurisdiction() {
    return "JP";
  }

  @Override
  public String name() {
    return "Japan PMD Act (薬機法)";
  }

  @Override
  public ImmutableSet<Licence> licences() {
    return LICENCES;
  }

  /**
   * Returns the legal category of a class.
   *
   * @param deviceClass the class
   * @return 一般, 管理 or 高度管理医療機器
   */
  public JapanDeviceCategory category(DeviceClass deviceClass) {
    return JapanDeviceCategory.of(checkNotNull(deviceClass, "deviceClass"));
  }

  /**
   * Returns the lowest marketing authorization licence that covers a class.
   *
   * @param deviceClass the class
   * @return {@link #MAH_THIRD_CLASS} for I, {@link #MAH_SECOND_CLASS} for II,
   *     {@link #MAH_FIRST_CLASS} for III and IV
   */
  public Licence marketingLicenceFor(DeviceClass deviceClass) {
    switch (checkNotNull(deviceClass, "deviceClass")) {
      case I:
        return MAH_THIRD_CLASS;
      case II:
        return MAH_SECOND_CLASS;
      default:
        return MAH_FIRST_CLASS;
    }
  }

  /**
   * Returns the classes a marketing authorization licence covers.
   *
   * @param licence one of the three MAH licences
   * @return the classes it may market
   * @throws IllegalArgumentException naming the licence if it is not an MAH licence
   */
  public ImmutableSet<DeviceClass> classesCoveredBy(Licence licence) {
    checkNotNull(licence, "licence");
    if (licence.equals(MAH_FIRST_CLASS)) {
      return Sets.immutableEnumSet(DeviceClass.I, DeviceClass.II, DeviceClass.III, DeviceClass.IV);
    }
    if (licence.equals(MAH_SECOND_CLASS)) {
      return Sets.immutableEnumSet(DeviceClass.I, DeviceClass.II);
    }
    if (licence.equals(MAH_THIRD_CLASS)) {
      return Sets.immutableEnumSet(DeviceClass.I);
    }
    throw new IllegalArgumentException(
        "'" + licence.code() + "' is not a marketing authorization licence of the PMD Act");
  }

  /**
   * Whether a site doing a step for a device of a class needs a manufacturer registration.
   *
   * @param step the step
   * @param deviceClass the class
   * @return {@code true} except for the design of class I devices
   */
  public boolean registrationRequired(ManufacturingStep step, DeviceClass deviceClass) {
    checkNotNull(step, "step");
    checkNotNull(deviceClass, "deviceClass");
    return !(step == ManufacturingStep.DESIGN && deviceClass == DeviceClass.I);
  }

  /**
   * Returns the steps whose sites need a manufacturer registration for a class.
   *
   * @param deviceClass the class
   * @return the steps in {@link ManufacturingStep} order
   */
  public ImmutableSet<ManufacturingStep> stepsRequiringRegistration(DeviceClass deviceClass) {
    ImmutableSet.Builder<ManufacturingStep> steps = ImmutableSet.builder();
    for (ManufacturingStep s : ManufacturingStep.values()) {
      if (registrationRequired(s, deviceClass)) {
        steps.add(s);
      }
    }
    return steps.build();
  }

  /**
   * Returns the pre-market route of a device.
   *
   * @param deviceClass the class
   * @param certificationStandardExists whether MHLW has set a certification standard
   *     (認証基準) for the device's generic name; ignored for classes I and IV
   * @return notification for class I; certification for class II and III with a standard;
   *     approval otherwise
   */
  public MarketRoute routeToMarket(DeviceClass deviceClass, boolean certificationStandardExists) {
    switch (checkNotNull(deviceClass, "deviceClass")) {
      case I:
        return MarketRoute.NOTIFICATION;
      case II:
      case III:
        return certificationStandardExists ? MarketRoute.CERTIFICATION : MarketRoute.APPROVAL;
      default:
        return MarketRoute.APPROVAL;
    }
  }

  @Override
  public Requirement requirement(Role role, Optional<DeviceClass> deviceClass) {
    checkNotNull(role, "role");
    checkNotNull(deviceClass, "deviceClass");
    DeviceClass c = deviceClass.orElse(DeviceClass.IV);
    switch (role) {
      case PARTS_SUPPLIER:
      case CO_DEVELOPER:
        return Requirement.none();
      case CONTRACT_MANUFACTURER:
        return Requirement.allOf(registration(ManufacturingStep.MAIN_ASSEMBLY));
      case DESIGN_MANUFACTURER:
        return registrationRequired(ManufacturingStep.DESIGN, c)
            ? Requirement.allOf(
                registration(ManufacturingStep.DESIGN), registration(ManufacturingStep.MAIN_ASSEMBLY))
            : Requirement.allOf(registration(ManufacturingStep.MAIN_ASSEMBLY));
      case MARKETING_AUTHORIZATION_HOLDER:
        return marketingRequirement(c);
      default:
        throw new AssertionError(role);
    }
  }

  /**
   * Returns the manufacturer registration (製造業登録) a site doing a step needs: the step's
   * registration, or nothing for the design of class I devices. An unknown class counts as
   * class IV, as in {@link #requirement(Role, Optional)}. Every {@link ManufacturingStep} is
   * known. A site that only packages and labels registers for nothing (施行規則第114条の8 lists
   * no such step); the packaging end of a chain is the site that stores the final product when
   * it is released to the market (出荷判定時に製品を保管する施設), which registers for
   * {@link ManufacturingStep#FINAL_STORAGE}.
   *
   * @param step the step
   * @param deviceClass the class, or empty if unknown
   * @return the requirement, never empty
   */
  @Override
  public Optional<Requirement> stepRequirement(ManufacturingStep step, Optional<DeviceClass> deviceClass) {
    checkNotNull(step, "step");
    checkNotNull(deviceClass, "deviceClass");
    return Optional.of(registrationRequired(step, deviceClass.orElse(DeviceClass.IV))
        ? Requirement.allOf(registration(step))
        : Requirement.none());
  }

  private Requirement marketingRequirement(DeviceClass c) {
    ImmutableSet<Licence> covering =
        ImmutableSet.of(MAH_FIRST_CLASS, MAH_SECOND_CLASS, MAH_THIRD_CLASS).stream()
            .filter(l -> classesCoveredBy(l).contains(c))
            .collect(ImmutableSet.toImmutableSet());
    checkArgument(!covering.isEmpty(), "no licence covers class %s", c);
    return Requirement.anyOf(covering.toArray(new Licence[0]));
  }

  @Override
  public String toString() {
    return name();
  }
}
