package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's tour step "a chain: design → assembly → sterilization", on the Fukushima sample. */
class ChainTourTest {

  @Test
  void theTourChainsOnTheFukushimaSample() {
    OrganizationId maker = OrganizationId.of("syn-maker-tokyo");
    ChainNeed catheter = ChainNeed.builder(NeedId.of("chain-catheter"), maker)
        .deviceClass(DeviceClass.II)
        .role(ChainRole.of(ManufacturingStep.DESIGN).withCapabilities(Capability.DESIGN_DEVELOPMENT))
        .role(ChainRole.of(ManufacturingStep.MAIN_ASSEMBLY).withCapabilities(Capability.CLEANROOM_ASSEMBLY))
        .role(ChainRole.of(ManufacturingStep.STERILIZATION).withCapabilities(Capability.STERILIZATION_GAMMA))
        .build();
    ChainNeed infusion = ChainNeed.builder(NeedId.of("chain-infusion-set"), maker)
        .deviceClass(DeviceClass.II)
        .preferredBlock(RegionBlock.HOKKAIDO_TOHOKU)
        .role(ChainRole.of(ManufacturingStep.MAIN_ASSEMBLY).withCapabilities(Capability.CLEANROOM_ASSEMBLY))
        .role(ChainRole.of(ManufacturingStep.STERILIZATION).withCapabilities(Capability.STERILIZATION_EO))
        .role(ChainRole.of(ManufacturingStep.FINAL_STORAGE))
        .build();
    ChainNeed implant = ChainNeed.builder(NeedId.of("chain-implant"), maker)
        .deviceClass(DeviceClass.IV)
        .role(ChainRole.of(ManufacturingStep.MAIN_ASSEMBLY).withCapabilities(Capability.PRECISION_CUTTING))
        .role(ChainRole.of(ManufacturingStep.STERILIZATION).withCapabilities(Capability.STERILIZATION_GAMMA)
            .withCapacityUse(4))
        .build();
    ChainProblem problem = ChainProblem.from(FukushimaSample.cluster())
        .chains(List.of(catheter, infusion, implant))
        .year(2016)
        .build();
    ChainResult result = ChainMatchers.optimal().match(problem);
    System.out.println(result.table());
    assertEquals(List.of(), MatchChecks.problems(problem, result));
    assertEquals(result, ChainMatchers.greedy().match(problem));
    assertEquals(List.of("chain-catheter"), result.assignments().stream().map(a -> a.need().value()).toList());
    assertTrue(result.table().contains("chain-infusion-set unfilled: sterilization: no supplier has STERILIZATION_EO,"
        + " in 北海道・東北"), result.table());
    assertTrue(result.table().contains("chain-implant unfilled: sterilization: the only eligible supplier is without"
        + " 4 units of capacity left: syn-sme-kitakata-steril (3 of 4 left, taken by chain-catheter)"), result.table());
  }
}
