package io.github.renkei.cluster.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YearRangeTest {

  @Test
  void aRangeIncludesBothEnds() {
    YearRange r = YearRange.of(2011, 2015);
    assertEquals(5, r.length());
    assertTrue(r.contains(2011));
    assertTrue(r.contains(2015));
    assertFalse(r.contains(2016));
    assertEquals(List.of(2011, 2012, 2013, 2014, 2015), r.stream().boxed().toList());
    assertEquals("2011–2015", r.toString());
    assertEquals("2016", YearRange.of(2016).toString());
  }

  @Test
  void intersectionsAreTheCommonYears() {
    assertEquals(Optional.of(YearRange.of(2014, 2015)), YearRange.of(2011, 2015).intersection(YearRange.of(2014, 2020)));
    assertEquals(Optional.empty(), YearRange.of(2011, 2015).intersection(YearRange.of(2016, 2020)));
  }
}
