package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.Licence;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic organizations and needs for the eligibility benchmark (issue 4 (d)), the same for
 * every run (fixed seed). Suppliers {@code org-0000001...}: 80 % SME manufacturers, 15 % device
 * makers, 5 % start-ups; a random prefecture and entry stage; 1–5 distinct standard
 * capabilities; 0–2 standard certifications; PMD Act licences (each manufacturer registration
 * with probability 30 % for design, 40 % main assembly, 15 % sterilization, 25 % final storage;
 * one marketing authorization licence with probability 20 %, first/second/third class evenly);
 * capacity 1–5. Every 5th supplier also raises needs (the requesters, so {@code not-requester}
 * matters). Needs {@code need-0000001...}: a random requester; 1–2 distinct required
 * capabilities; a required certification with probability 30 %; a kind (parts supply 50 %, OEM
 * 20 %, ODM 15 %, co-development 15 %); a device class I–IV; a preferred region block with
 * probability 25 %.
 */
final class EligibilityData {

  static final long SEED = 20_260_402L;

  final List<Organization> suppliers;
  final List<Need> needs;

  private EligibilityData(List<Organization> suppliers, List<Need> needs) {
    this.suppliers = suppliers;
    this.needs = needs;
  }

  static EligibilityData generate(int supplierCount, int needCount, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Capability> caps = Capability.standard();
    List<Certification> certs = Certification.standard();
    Prefecture[] prefectures = Prefecture.values();
    EntryStage[] stages = EntryStage.values();
    RegionBlock[] blocks = RegionBlock.values();
    DeviceClass[] classes = DeviceClass.values();
    Licence[] mah = {JapanPmdAct.MAH_FIRST_CLASS, JapanPmdAct.MAH_SECOND_CLASS, JapanPmdAct.MAH_THIRD_CLASS};
    List<Organization> suppliers = new ArrayList<>(supplierCount);
    List<OrganizationId> requesters = new ArrayList<>();
    for (int j = 0; j < supplierCount; j++) {
      int t = rnd.nextInt(100);
      OrganizationType type = t < 80 ? OrganizationType.SME_MANUFACTURER
          : t < 95 ? OrganizationType.DEVICE_MAKER : OrganizationType.STARTUP;
      List<Licence> licences = new ArrayList<>();
      if (rnd.nextInt(100) < 30) {
        licences.add(JapanPmdAct.registration(ManufacturingStep.DESIGN));
      }
      if (rnd.nextInt(100) < 40) {
        licences.add(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY));
      }
      if (rnd.nextInt(100) < 15) {
        licences.add(JapanPmdAct.registration(ManufacturingStep.STERILIZATION));
      }
      if (rnd.nextInt(100) < 25) {
        licences.add(JapanPmdAct.registration(ManufacturingStep.FINAL_STORAGE));
      }
      if (rnd.nextInt(100) < 20) {
        licences.add(mah[rnd.nextInt(3)]);
      }
      OrganizationId id = new OrganizationId(String.format("org-%07d", j + 1));
      suppliers.add(Organization.builder(id, "Organization " + (j + 1), type,
              prefectures[rnd.nextInt(prefectures.length)])
          .entryStage(stages[rnd.nextInt(stages.length)])
          .capabilities(pick(caps, 1 + rnd.nextInt(5), rnd))
          .certifications(pick(certs, rnd.nextInt(3), rnd))
          .licences(licences)
          .capacity(1 + rnd.nextInt(5))
          .build());
      if (j % 5 == 0) {
        requesters.add(id);
      }
    }
    List<Need> needs = new ArrayList<>(needCount);
    for (int n = 0; n < needCount; n++) {
      int k = rnd.nextInt(100);
      NeedKind kind = k < 50 ? NeedKind.PARTS_SUPPLY : k < 70 ? NeedKind.OEM : k < 85 ? NeedKind.ODM
          : NeedKind.CO_DEVELOPMENT;
      Need.Builder b = Need.builder(new NeedId(String.format("need-%07d", n + 1)),
              requesters.get(rnd.nextInt(requesters.size())), kind)
          .requiredCapabilities(pick(caps, 1 + rnd.nextInt(2), rnd))
          .deviceClass(classes[rnd.nextInt(classes.length)]);
      if (rnd.nextInt(100) < 30) {
        b.requiredCertifications(pick(certs, 1, rnd));
      }
      if (rnd.nextInt(100) < 25) {
        b.preferredBlock(blocks[rnd.nextInt(blocks.length)]);
      }
      needs.add(b.build());
    }
    return new EligibilityData(suppliers, needs);
  }

  /** A new problem with the standard constraints and scorer (the builder's defaults). */
  MatchingProblem problem(boolean parallel) {
    MatchingProblem.Builder b = MatchingProblem.builder();
    suppliers.forEach(b::supplier);
    needs.forEach(b::need);
    return b.parallel(parallel).build();
  }

  private static <T> List<T> pick(List<T> all, int k, SplittableRandom rnd) {
    List<T> pool = new ArrayList<>(all);
    List<T> out = new ArrayList<>(k);
    for (int i = 0; i < k && !pool.isEmpty(); i++) {
      out.add(pool.remove(rnd.nextInt(pool.size())));
    }
    return out;
  }
}
