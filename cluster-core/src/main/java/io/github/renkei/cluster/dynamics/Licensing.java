package io.github.renkei.cluster.dynamics;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.Licence;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import io.github.renkei.cluster.regulation.Requirement;
import java.util.Optional;
import java.util.Set;

/**
 * What the PMD Act asks of a firm at each rung, read from {@link JapanPmdAct}: the licences a
 * firm holds at a stage, the requirement of each need kind and device class, and how many
 * requirement clauses a firm still has to meet to take the next step. Immutable tables built
 * once. Not API.
 */
final class Licensing {

  /** The class firms climbing the ladder work on: most devices made in Japan are class II. */
  static final DeviceClass LADDER_CLASS = DeviceClass.II;

  private static final JapanPmdAct LAW = JapanPmdAct.get();
  private static final ImmutableList<ImmutableSet<Licence>> HELD = held();
  private static final Requirement[][] DEMANDED = demanded();
  private static final int[] MISSING_FOR_NEXT = missingForNext();

  private Licensing() {}

  /** By stage ordinal: NONE, PARTS_SUPPLY, OEM, ODM, OWN_PRODUCT. */
  private static ImmutableList<ImmutableSet<Licence>> held() {
    Licence design = JapanPmdAct.registration(ManufacturingStep.DESIGN);
    Licence assembly = JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY);
    return ImmutableList.of(ImmutableSet.of(), ImmutableSet.of(), ImmutableSet.of(assembly),
        ImmutableSet.of(design, assembly), ImmutableSet.of(design, assembly, LAW.marketingLicenceFor(LADDER_CLASS)));
  }

  private static Requirement[][] demanded() {
    Requirement[][] d = new Requirement[NeedKind.values().length][DeviceClass.values().length];
    for (NeedKind k : NeedKind.values()) {
      for (DeviceClass c : DeviceClass.values()) {
        d[k.ordinal()][c.ordinal()] = LAW.requirement(k.supplierRole(), Optional.of(c));
      }
    }
    return d;
  }

  private static int[] missingForNext() {
    int[] m = new int[EntryStage.values().length];
    for (EntryStage s : EntryStage.values()) {
      m[s.ordinal()] = missingForNext(s.ordinal(), HELD.get(s.ordinal()));
    }
    return m;
  }

  /** The licences and registrations a firm at a stage holds. */
  static ImmutableSet<Licence> held(int stage) {
    return HELD.get(stage);
  }

  /** What the law demands of the supplier of a need of this kind and class. */
  static Requirement demanded(NeedKind kind, DeviceClass deviceClass) {
    return DEMANDED[kind.ordinal()][deviceClass.ordinal()];
  }

  /** Requirement clauses a firm at a stage holding these licences has not met for the next stage's role. */
  static int missingForNext(int stage, Set<Licence> held) {
    return EntryStage.values()[stage].next()
        .flatMap(EntryStage::role)
        .map(role -> LAW.requirement(role, Optional.of(LADDER_CLASS)).unmet(held).size())
        .orElse(0);
  }

  /** Requirement clauses a firm at a stage has not met for the role of the next stage. */
  static int missingForNext(int stage) {
    return MISSING_FOR_NEXT[stage];
  }
}
