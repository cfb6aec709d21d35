package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A violation whose reason is worded when first read is the same value as one made with its
 * reason: equal, with the same hash and text, and worded once.
 */
class ViolationTest {

  @Test
  void aWordedReasonIsWordedOnFirstReadOnlyAndThenKept() {
    AtomicInteger calls = new AtomicInteger();
    Violation v = Violation.worded("certifications", () -> {
      calls.incrementAndGet();
      return "lacks " + "ISO_13485";
    });
    assertEquals("certifications", v.constraint());
    assertEquals(0, calls.get(), "not worded before the reason is read");
    assertEquals("lacks ISO_13485", v.reason());
    assertEquals("certifications: lacks ISO_13485", v.toString());
    v.hashCode();
    assertEquals(1, calls.get(), "worded once");
  }

  @Test
  void aWordedViolationEqualsTheOneMadeWithItsReason() {
    Violation eager = new Violation("preferred-region", "is in 宮城県, not 福島県");
    Violation worded = Violation.worded("preferred-region", () -> "is in 宮城県, not 福島県");
    assertEquals(eager, worded);
    assertEquals(worded, eager);
    assertEquals(eager.hashCode(), Violation.worded("preferred-region", () -> "is in 宮城県, not 福島県").hashCode());
    assertEquals(eager.toString(), worded.toString());
    assertNotEquals(eager, Violation.worded("preferred-region", () -> "is in 山形県, not 福島県"));
    assertNotEquals(eager, Violation.worded("region", () -> "is in 宮城県, not 福島県"));
    assertNotEquals(eager, "preferred-region: is in 宮城県, not 福島県");
  }

  @Test
  void missingPartsAreNamed() {
    assertThrows(NullPointerException.class, () -> new Violation(null, "lacks ISO_13485"));
    assertThrows(NullPointerException.class, () -> new Violation("certifications", null));
    Violation v = Violation.worded("certifications", () -> null);
    NullPointerException e = assertThrows(NullPointerException.class, v::reason);
    assertTrue(e.getMessage().contains("certifications"), e.getMessage());
  }
}
