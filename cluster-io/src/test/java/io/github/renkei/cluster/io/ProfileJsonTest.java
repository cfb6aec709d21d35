package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.dynamics.MatchingRounds;
import io.github.renkei.cluster.dynamics.RegionProfile;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.simulation.Scenario;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A region profile as JSON: written and read back equal, and every bad input named by file, field and value. */
class ProfileJsonTest {

  private static final String MINIMAL = """
      {"name": "mine", "region": "SHIZUOKA", "firstYear": 2005, "lastYear": 2020, "lead": "shizuoka-pref"}
      """;

  private static RegionProfile read(String text) {
    return ProfileJson.read("p.json", new StringReader(text));
  }

  /** The document with one field replaced or added, as a user's edit would. */
  private static String with(String field, String json) {
    return MINIMAL.strip().replaceFirst("}$", ", \"" + field + "\": " + json + "}");
  }

  private static void assertRejects(String text, String... fragments) {
    ClusterFormatException e = assertThrows(ClusterFormatException.class, () -> read(text), text);
    assertTrue(e.getMessage().startsWith("p.json"), e.getMessage());
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), () -> "'" + f + "' not in: " + e.getMessage());
    }
  }

  @Test
  void fukushimasProfileWrittenAndReadIsEqual(@TempDir Path dir) {
    StringWriter text = new StringWriter();
    ProfileJson.write(RegionProfile.fukushima(), text);
    assertEquals(RegionProfile.fukushima(), read(text.toString()));
    Path file = dir.resolve("fukushima.json");
    ProfileJson.write(RegionProfile.fukushima(), file);
    assertEquals(RegionProfile.fukushima(), ProfileJson.read(file));
  }

  @Test
  void aMinimalProfileHasNoEventsProgramsValuesOrSyntheticFirms() {
    RegionProfile p = read(MINIMAL);
    assertEquals(RegionProfile.builder("mine", Prefecture.SHIZUOKA, OrganizationId.of("shizuoka-pref"), 2005, 2020)
        .build(), p);
    assertEquals(0, p.syntheticFirms());
    assertEquals(RegionProfile.REGIONAL.size(), p.unstatedRegional().size());
  }

  @Test
  void everyKindOfValueRoundTrips() {
    RegionProfile p = read(with("values", """
        {"council": {"value": true, "basis": "ASSUMED"},
         "registered-outside-ladder": {"value": 12, "basis": "OBSERVED", "source": "MHLW 2005"},
         "production-base": {"value": 3700, "basis": "OBSERVED", "source": "薬事工業生産動態統計"}}"""));
    assertEquals(true, p.values().get("council").value());
    assertEquals("", p.values().get("council").source());
    assertEquals(12, p.values().get("registered-outside-ladder").value());
    assertEquals(3700.0, p.values().get("production-base").value(), "a whole number for a real parameter");
    assertEquals(p, read(ProfileJson.toJson(p)));
  }

  @Test
  void aByteOrderMarkIsSkippedAndAFileIsStrictUtf8(@TempDir Path dir) throws Exception {
    assertEquals(read(MINIMAL), read("\uFEFF" + MINIMAL));
    Path latin1 = dir.resolve("latin1.json");
    Files.write(latin1, with("values", "{\"council\": {\"value\": true, \"basis\": \"ASSUMED\", \"source\": \"é\"}}")
        .getBytes(StandardCharsets.ISO_8859_1));
    ClusterFormatException e = assertThrows(ClusterFormatException.class, () -> ProfileJson.read(latin1));
    assertTrue(e.getMessage().contains("latin1.json") && e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  void malformedJsonDuplicateAndUnknownFieldsAreNamed() {
    assertRejects("{\"name\": \"mine\",", "malformed JSON");
    assertRejects("", "empty");
    assertRejects("[1]", "JSON object");
    assertRejects(MINIMAL + " {}", "malformed JSON");
    assertRejects(with("name", "\"other\""), "'name'", "twice");
    assertRejects(with("lastyear", "2030"), "field 'lastyear'", "unknown field", "did you mean 'lastYear'?");
    assertRejects(with("events", "[{\"name\": \"earthquake\", \"yaer\": 2011}]"), "field 'events[0].yaer'",
        "did you mean 'year'?");
    assertRejects(with("values", "{\"council\": {\"value\": true, \"basis\": \"ASSUMED\", \"sauce\": \"x\"}}"),
        "field 'values.council.sauce'", "did you mean 'source'?");
  }

  @Test
  void wrongTypesAndMissingFieldsAreNamedWithTheValue() {
    assertRejects(MINIMAL.replace("2005", "\"2005\""), "field 'firstYear'", "whole number", "\"2005\"");
    assertRejects(MINIMAL.replace(", \"lead\": \"shizuoka-pref\"", ""), "field 'lead'", "missing");
    assertRejects(with("events", "{}"), "field 'events'", "array");
    assertRejects(with("values", "{\"production-base\": {\"value\": \"643\", \"basis\": \"OBSERVED\"}}"),
        "field 'values.production-base.value'", "number", "\"643\"");
    assertRejects(with("values", "{\"registered-outside-ladder\": {\"value\": 2.5, \"basis\": \"OBSERVED\"}}"),
        "field 'values.registered-outside-ladder.value'", "whole number", "2.5");
    assertRejects(with("values", "{\"production-base\": {\"value\": 643}}"), "field 'values.production-base.basis'",
        "missing");
    assertRejects(with("values", "{\"production-base\": {\"value\": 643, \"basis\": \"GUESSED\"}}"),
        "'values.production-base.basis'", "GUESSED");
    assertRejects(with("free", "{\"production-base\": [500]}"), "field 'free.production-base'", "[500]");
    assertRejects(with("syntheticFirms", "-1"), "syntheticFirms", "-1");
  }

  @Test
  void unknownNamesAreNamedWithTheNearestKnownOne() {
    assertRejects(MINIMAL.replace("SHIZUOKA", "SHIZOUKA"), "field 'region'", "SHIZOUKA", "did you mean 'SHIZUOKA'?");
    assertRejects(with("events", "[{\"name\": \"earthqake\", \"year\": 2011}]"), "field 'events[0].name'",
        "earthqake", "did you mean 'earthquake'?");
    assertRejects(with("values", "{\"production-bas\": {\"value\": 1, \"basis\": \"OBSERVED\"}}"),
        "field 'values.production-bas'", "did you mean 'production-base'?");
    assertRejects(with("free", "{\"climb-scal\": [0.1, 1]}"), "field 'free.climb-scal'", "did you mean 'climb-scale'?");
  }

  /** A region switched to a weekly desk in its profile: the values reach the scenario, with the desk's metrics. */
  @Test
  void aProfileMaySwitchTheMatchingRoundsToAWeeklyDesk() {
    RegionProfile p = read(with("values", """
        {"desk-rounds-per-year": {"value": 52, "basis": "ASSUMED", "source": "weekly desk"},
         "desk-patience-days": {"value": 30, "basis": "ASSUMED"},
         "desk-contract-days": {"value": 91, "basis": "ASSUMED"}}
        """));
    assertEquals(52, p.values().get("desk-rounds-per-year").value());
    assertEquals(p, read(ProfileJson.toJson(p)));
    Scenario<ClusterState> s = RegionProfile.fukushima().toBuilder().value("desk-rounds-per-year", 52,
        RegionProfile.Basis.ASSUMED, "weekly desk").build().scenario(ClusterWorld.fukushima());
    assertEquals(52, s.defaults().get(MatchingRounds.ROUNDS_PER_YEAR));
    assertTrue(s.metricNames().containsAll(ClusterDynamics.DESK_METRICS), s.metricNames().toString());
    assertRejects(with("values", "{\"desk-rounds-per-year\": {\"value\": 0, \"basis\": \"ASSUMED\"}}"),
        "p.json: values.desk-rounds-per-year:", "0");
    assertRejects(with("values", "{\"desk-contract-days\": {\"value\": 0, \"basis\": \"ASSUMED\"}}"),
        "p.json: values.desk-contract-days:", "0");
  }

  @Test
  void theProfilesOwnChecksArePrefixedWithTheFile() {
    assertRejects(MINIMAL.replace("2020", "2004"), "p.json: lastYear:", "2004");
    assertRejects(with("events", "[{\"name\": \"earthquake\", \"year\": 2031}]"), "p.json: events[0].year:", "2031");
    assertRejects(with("events", "[{\"name\": \"" + ClusterDynamics.ORGANIZATION_FOUNDED + "\", \"year\": 2013}]"),
        "field 'events[0].organization'", "missing");
    assertRejects(with("events", "[{\"name\": \"earthquake\", \"year\": 2011, \"organization\": \"x\"}]"),
        "field 'events[0].organization'", "concerns no organization");
    assertRejects(with("programs", "[{\"program\": \"p\", \"firstYear\": 2012, \"lastYear\": 2010}]"),
        "p.json: programs[0]", "2010");
    assertRejects(with("values", "{\"production-growth\": {\"value\": -5.0, \"basis\": \"OBSERVED\"}}"),
        "p.json: values.production-growth:", "-5.0");
    assertRejects(with("free", "{\"production-base\": [900, 500]}"), "p.json: free.production-base:", "900");
  }
}
