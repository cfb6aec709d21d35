package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.matching.ChainNeed;
import io.github.renkei.cluster.matching.ChainProblem;
import io.github.renkei.cluster.matching.ChainRole;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic chain needs for the chain matching benchmark (issue 18), the same for every run
 * (fixed seed). Suppliers: those of {@link EligibilityData} (the same generator: random
 * prefecture, 1–5 capabilities, 0–2 certifications, manufacturer registrations with probability
 * 30 % design, 40 % main assembly, 15 % sterilization, 25 % final storage; capacity 1–5); every
 * 5th raises the chains. Chains {@code chain-0000001...}: three roles, one of design → main
 * assembly → sterilization (40 %), main assembly → sterilization → final storage (40 %), design →
 * main assembly → final storage (20 %); each role requires a capability of its step with
 * probability 60 % (design: DESIGN_DEVELOPMENT; main assembly: one of cleanroom, precision
 * cutting, electronics assembly, injection moulding; sterilization: EO or gamma; final storage:
 * PACKAGING), a sterilization role ISO 13485 with probability 30 %; a device class I–IV; a
 * preferred region block with probability 25 %; capacity use 1.
 */
final class ChainData {

  static final long SEED = 20_261_202L;

  private static final ManufacturingStep[][] TEMPLATES = {
      {ManufacturingStep.DESIGN, ManufacturingStep.MAIN_ASSEMBLY, ManufacturingStep.STERILIZATION},
      {ManufacturingStep.MAIN_ASSEMBLY, ManufacturingStep.STERILIZATION, ManufacturingStep.FINAL_STORAGE},
      {ManufacturingStep.DESIGN, ManufacturingStep.MAIN_ASSEMBLY, ManufacturingStep.FINAL_STORAGE}};

  private static final Capability[] ASSEMBLY = {Capability.CLEANROOM_ASSEMBLY, Capability.PRECISION_CUTTING,
      Capability.ELECTRONICS_ASSEMBLY, Capability.INJECTION_MOULDING};

  final List<Organization> suppliers;
  final List<ChainNeed> chains;

  private ChainData(List<Organization> suppliers, List<ChainNeed> chains) {
    this.suppliers = suppliers;
    this.chains = chains;
  }

  static ChainData generate(int supplierCount, int chainCount, long seed) {
    List<Organization> suppliers = EligibilityData.generate(supplierCount, 0, seed).suppliers;
    SplittableRandom rnd = new SplittableRandom(seed + 1);
    DeviceClass[] classes = DeviceClass.values();
    RegionBlock[] blocks = RegionBlock.values();
    List<OrganizationId> requesters = new ArrayList<>();
    for (int j = 0; j < suppliers.size(); j += 5) {
      requesters.add(suppliers.get(j).id());
    }
    List<ChainNeed> chains = new ArrayList<>(chainCount);
    for (int n = 0; n < chainCount; n++) {
      int t = rnd.nextInt(100);
      ManufacturingStep[] steps = TEMPLATES[t < 40 ? 0 : t < 80 ? 1 : 2];
      ChainNeed.Builder b = ChainNeed.builder(NeedId.of(String.format("chain-%07d", n + 1)),
              requesters.get(rnd.nextInt(requesters.size())))
          .deviceClass(classes[rnd.nextInt(classes.length)]);
      for (ManufacturingStep step : steps) {
        ChainRole role = ChainRole.of(step);
        if (rnd.nextInt(100) < 60) {
          role = role.withCapabilities(capabilityFor(step, rnd));
        }
        if (step == ManufacturingStep.STERILIZATION && rnd.nextInt(100) < 30) {
          role = role.withCertifications(Certification.ISO_13485);
        }
        b.role(role);
      }
      if (rnd.nextInt(100) < 25) {
        b.preferredBlock(blocks[rnd.nextInt(blocks.length)]);
      }
      chains.add(b.build());
    }
    return new ChainData(suppliers, chains);
  }

  private static Capability capabilityFor(ManufacturingStep step, SplittableRandom rnd) {
    switch (step) {
      case DESIGN:
        return Capability.DESIGN_DEVELOPMENT;
      case MAIN_ASSEMBLY:
        return ASSEMBLY[rnd.nextInt(ASSEMBLY.length)];
      case STERILIZATION:
        return rnd.nextBoolean() ? Capability.STERILIZATION_EO : Capability.STERILIZATION_GAMMA;
      default:
        return Capability.PACKAGING;
    }
  }

  /** A new problem with the standard chain constraints and scorer (the builder's defaults). */
  ChainProblem problem(boolean parallel) {
    ChainProblem.Builder b = ChainProblem.builder();
    suppliers.forEach(b::supplier);
    return b.chains(chains).parallel(parallel).build();
  }
}
