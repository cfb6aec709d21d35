package io.github.renkei.cluster.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.Licence;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  private static final Vocabulary STANDARD = Vocabulary.standard();

  private static String problem(Vocabulary v, Vocabulary.Kind kind, String code) {
    return v.problem(kind, code).orElseThrow(() -> new AssertionError(code + " was accepted"));
  }

  private static void assertMentions(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), () -> "expected '" + p + "' in: " + message);
    }
  }

  @Test
  void aTypoOfABuiltInCodeIsAProblemThatSuggestsTheCode() {
    assertMentions(problem(STANDARD, Vocabulary.Kind.CAPABILITY, "PRECISION_CUTING"),
        "capability 'PRECISION_CUTING'", "did you mean 'PRECISION_CUTTING'?");
    assertMentions(problem(STANDARD, Vocabulary.Kind.CERTIFICATION, "ISO_13458"), "did you mean 'ISO_13485'?");
    assertMentions(problem(STANDARD, Vocabulary.Kind.CERTIFICATION, "iso_13485"), "did you mean 'ISO_13485'?");
    assertMentions(problem(STANDARD, Vocabulary.Kind.CERTIFICATION, "ISO-13485"), "did you mean 'ISO_13485'?");
  }

  @Test
  void aCodeInThePmdNamespaceMustExistAndCannotBeDeclared() {
    assertMentions(problem(STANDARD, Vocabulary.Kind.LICENCE, "jp.pmd.mfg.main-asembly"),
        "licence 'jp.pmd.mfg.main-asembly' does not exist", "did you mean 'jp.pmd.mfg.main-assembly'?");
    assertMentions(problem(STANDARD, Vocabulary.Kind.LICENCE, "jp.pmd.repair"), "jp.pmd.mah.1");
    Vocabulary owned = Vocabulary.builder().prefix("acme.").build();
    assertTrue(owned.problem(Vocabulary.Kind.LICENCE, "JP.PMD.whatever").isPresent());
    assertThrows(IllegalArgumentException.class,
        () -> Vocabulary.builder().declare(Vocabulary.Kind.LICENCE, "jp.pmd.repair"));
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.builder().prefix("jp."));
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.builder().prefix("jp.pmd.mfg."));
  }

  @Test
  void builtInCodesAndCodesFarFromThemAreAccepted() {
    for (Vocabulary.Kind k : Vocabulary.Kind.values()) {
      for (String code : k.builtIn()) {
        assertEquals(Optional.empty(), STANDARD.problem(k, code), code);
      }
    }
    assertEquals(Optional.empty(), STANDARD.problem(Vocabulary.Kind.CAPABILITY, "LASER_MICROWELDING"));
    assertEquals(Optional.empty(), STANDARD.problem(Vocabulary.Kind.CERTIFICATION, "PIC_S_GMP"));
    assertEquals(Optional.empty(), STANDARD.problem(Vocabulary.Kind.LICENCE, "own.licence"));
    assertTrue(Vocabulary.Kind.LICENCE.builtIn().contains(JapanPmdAct.registration(ManufacturingStep.DESIGN).code()));
  }

  @Test
  void aDeclaredCodeOrAnOwnedPrefixAcceptsACloseCode() {
    Vocabulary v = Vocabulary.builder()
        .declare(Vocabulary.Kind.CERTIFICATION, "ISO_13488")
        .prefix("PRECISION_CUT")
        .build();
    assertEquals(Optional.empty(), v.problem(Vocabulary.Kind.CERTIFICATION, "ISO_13488"));
    assertEquals(Optional.empty(), v.problem(Vocabulary.Kind.CAPABILITY, "PRECISION_CUTING"));
    // declared for one kind only
    assertTrue(v.problem(Vocabulary.Kind.CAPABILITY, "ISO_13488").isEmpty());
    assertTrue(v.problem(Vocabulary.Kind.CERTIFICATION, "ISO_13458").isPresent());
    assertEquals(v, Vocabulary.standard().with(v));
  }

  @Test
  void theLimitGrowsWithTheLengthOfTheBuiltInCode() {
    assertEquals(0, Vocabulary.limit(3));
    assertEquals(1, Vocabulary.limit(7));
    assertEquals(2, Vocabulary.limit(8));
    assertEquals(1, Vocabulary.distance("ISO_13458", "ISO_13485"));
    assertEquals(1, Vocabulary.distance("PRECISION_CUTING", "PRECISION_CUTTING"));
    assertEquals(3, Vocabulary.distance("CA", "ABC"));
  }

  @Test
  void theClusterBuilderListsEveryUndeclaredCode() {
    Organization firm = Organization.builder(OrganizationId.of("aizu"), "Aizu", OrganizationType.SME_MANUFACTURER,
            Prefecture.FUKUSHIMA)
        .capabilities(Capability.of("PRECISION_CUTING"))
        .certifications(Certification.of("ISO_13458"))
        .licences(Licence.of("jp.pmd.mfg.main-asembly", "main assembly"))
        .build();
    ClusterValidationException e = assertThrows(ClusterValidationException.class,
        () -> Cluster.builder().add(firm).build());
    assertEquals(3, e.problems().size(), e.getMessage());
    assertTrue(e.problems().stream().allMatch(p -> p.kind() == ProblemKind.UNDECLARED_CODE));
    assertMentions(e.getMessage(), "organization 'aizu'", "PRECISION_CUTTING", "ISO_13485", "jp.pmd.mfg.main-assembly");

    Vocabulary mine = Vocabulary.builder().declare(Vocabulary.Kind.CAPABILITY, "PRECISION_CUTING")
        .declare(Vocabulary.Kind.CERTIFICATION, "ISO_13458").build();
    Organization fixed = firm.toBuilder().licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY)).build();
    Cluster ok = Cluster.builder().vocabulary(mine).add(fixed).build();
    assertEquals(mine, ok.vocabulary());
    assertEquals(mine, ok.toBuilder().build().vocabulary());
    assertThrows(ClusterValidationException.class,
        () -> Cluster.empty().withOrganization(fixed));
  }
}
