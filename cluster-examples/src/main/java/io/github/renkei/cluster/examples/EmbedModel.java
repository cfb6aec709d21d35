package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.ClusterValidationException;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.model.Sector;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import java.io.PrintStream;
import java.util.List;

/**
 * Embeds Renkei's model in a program: builds a small cluster in code (a prefecture, its support
 * organization, three SME manufacturers, a device maker, a hospital, their ties and two needs),
 * lets {@code build()} validate it, queries it through its indexes and updates it persistently
 * with {@code withOrganization} and {@code withRelationship}.
 *
 * <pre>
 * java -cp cluster-examples/target/renkei.jar io.github.renkei.cluster.examples.EmbedModel
 * </pre>
 *
 * <p>The organizations are invented; the cluster is small enough to check every printed line by
 * hand.
 */
public final class EmbedModel {

  private static final OrganizationId PREFECTURE = OrganizationId.of("miyagi-pref");
  private static final OrganizationId SUPPORT = OrganizationId.of("sendai-support");
  private static final OrganizationId CUTTING = OrganizationId.of("sendai-cutting");
  private static final OrganizationId MOULDING = OrganizationId.of("natori-moulding");
  private static final OrganizationId ELECTRONICS = OrganizationId.of("tome-electronics");
  private static final OrganizationId MAKER = OrganizationId.of("tokyo-maker");
  private static final OrganizationId HOSPITAL = OrganizationId.of("sendai-hospital");

  private EmbedModel() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Builds, validates, queries and updates the cluster, printing what each step returns.
   *
   * @param out where to print
   */
  static void run(PrintStream out) {
    Organization cutting = sme(CUTTING, "Sendai Cutting", 1962)
        .capabilities(Capability.MACHINING, Capability.PRECISION_CUTTING).capacity(2).build();
    Cluster cluster = Cluster.builder()
        .add(Organization.builder(PREFECTURE, "Miyagi Prefecture", OrganizationType.PREFECTURE, Prefecture.MIYAGI))
        .add(Organization.builder(SUPPORT, "Sendai Medical Device Support Centre",
            OrganizationType.SUPPORT_ORGANIZATION, Prefecture.MIYAGI))
        .add(cutting)
        .add(sme(MOULDING, "Natori Moulding", 1978)
            .capabilities(Capability.INJECTION_MOULDING, Capability.CLEANROOM_ASSEMBLY)
            .certifications(Certification.ISO_13485)
            .licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY))   // 製造業登録
            .entryStage(EntryStage.OEM).capacity(3))
        .add(sme(ELECTRONICS, "Tome Electronics", 2001)
            .capabilities(Capability.ELECTRONICS_ASSEMBLY, Capability.DESIGN_DEVELOPMENT)
            .licences(JapanPmdAct.registrations(ManufacturingStep.DESIGN, ManufacturingStep.MAIN_ASSEMBLY))
            .entryStage(EntryStage.ODM).capacity(1))
        .add(Organization.builder(MAKER, "Tokyo Devices", OrganizationType.DEVICE_MAKER, Prefecture.TOKYO))
        .add(Organization.builder(HOSPITAL, "Sendai General Hospital", OrganizationType.LARGE_HOSPITAL,
            Prefecture.MIYAGI))
        .add(Relationship.of(PREFECTURE, RelationshipType.FUNDING, SUPPORT, 2014))
        .add(Relationship.of(SUPPORT, RelationshipType.SUPPORT, CUTTING, 2015))
        .add(Relationship.of(SUPPORT, RelationshipType.SUPPORT, MOULDING, 2015))
        .add(Relationship.of(SUPPORT, RelationshipType.SUPPORT, ELECTRONICS, 2016))
        .add(Relationship.of(MOULDING, RelationshipType.OEM, MAKER, 2017))
        .add(Relationship.of(HOSPITAL, RelationshipType.CLINICAL_NEEDS, ELECTRONICS, 2018))
        .add(Need.builder(NeedId.of("need-1"), MAKER, NeedKind.OEM)
            .requiredCapabilities(Capability.CLEANROOM_ASSEMBLY).deviceClass(DeviceClass.II).lotSize(1_000))
        .add(Need.builder(NeedId.of("need-2"), HOSPITAL, NeedKind.CO_DEVELOPMENT)
            .requiredCapabilities(Capability.DESIGN_DEVELOPMENT).deviceClass(DeviceClass.I)
            .preferredPrefecture(Prefecture.MIYAGI))
        .build();                                        // validates everything, or throws listing all problems
    out.println("built: " + cluster);

    // Queries are index lookups; lists come back in id order.
    out.println("industry: " + ids(cluster.organizationsOf(Sector.INDUSTRY)));
    out.println("healthcare: " + ids(cluster.organizationsOf(Sector.HEALTHCARE)));
    out.println("cleanroom assembly: " + ids(cluster.organizationsWith(Capability.CLEANROOM_ASSEMBLY)));
    out.println("main-assembly registration: "
        + ids(cluster.organizationsHolding(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY))));
    out.println("ties from " + SUPPORT + ": " + cluster.tiesFrom(SUPPORT));
    out.println("ties to " + ELECTRONICS + ": " + cluster.tiesTo(ELECTRONICS));
    out.println("needs of " + MAKER + ": " + cluster.needsOf(MAKER).size());

    // Updates return a new cluster and leave the old one as it was.
    Cluster next = cluster
        .withOrganization(cutting.toBuilder().capabilities(Capability.MACHINING, Capability.PRECISION_CUTTING,
            Capability.CLEANROOM_ASSEMBLY).certifications(Certification.ISO_13485).build())
        .withRelationship(Relationship.of(CUTTING, RelationshipType.PARTS_SUPPLY, MAKER, 2019));
    out.println("updated: " + next);
    out.println("cleanroom assembly after the update: " + ids(next.organizationsWith(Capability.CLEANROOM_ASSEMBLY)));
    out.println("ties to " + MAKER + " after the update: " + next.tiesTo(MAKER));
    out.println("original unchanged: " + cluster + ", cleanroom assembly "
        + ids(cluster.organizationsWith(Capability.CLEANROOM_ASSEMBLY)));

    // A tie to an organization the cluster does not have is refused, naming the id.
    try {
      next.withRelationship(Relationship.of(CUTTING, RelationshipType.OEM, OrganizationId.of("osaka-maker"), 2020));
    } catch (ClusterValidationException e) {
      e.problems().forEach(p -> out.println("refused: " + p.kind() + " " + p.ids() + ": " + p.message()));
    }
  }

  private static Organization.Builder sme(OrganizationId id, String name, int founded) {
    return Organization.builder(id, name, OrganizationType.SME_MANUFACTURER, Prefecture.MIYAGI).foundedYear(founded);
  }

  private static List<String> ids(List<Organization> organizations) {
    return organizations.stream().map(o -> o.id().value()).toList();
  }
}
