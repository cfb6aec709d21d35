package io.github.renkei.cluster.catalog;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.AttributeKey;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.FundingPurpose;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nationwide catalog of medical–engineering support organizations (全国各地の医工連携・支援
 * 機関一覧) that the seed document lists: 64 organizations in seven region blocks, six of them
 * hubs (★, the 地域連携拠点 of AMED's regional hub programme); the national agencies that
 * sponsor the national programs; the six national programs the seed names; and the funding
 * ties to hubs that public sources date. Loaded from tab-separated resources shipped in the
 * jar, with every fact that is not in the seed carrying its source.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.nationwide();
 * catalog.supportOrganizations().size();                      // 64
 * catalog.hubs();                                             // the six ★ hubs
 * catalog.cluster().organizationsIn(RegionBlock.SHIKOKU);     // 4 organizations
 * catalog.organization(OrganizationId.of("kagawa-isf"))
 *     .flatMap(o -> o.attribute(Catalog.SEED_NAME));          // かかわ産業支援財団, as the seed's OCR wrote it
 * }</pre>
 *
 * <p>Names follow the seed: {@link Organization#nativeName()} is the seed's Japanese name with
 * its one OCR error corrected (かかわ → かがわ); {@link #SEED_NAME} keeps the seed's spelling;
 * {@link #OFFICIAL_NAME_JA} gives the full legal name where it differs or is known. English
 * names are the organizations' own where known, otherwise translations (say so in
 * {@link #NOTE}). Founding years, program years and budgets appear only where a public source
 * states them ({@link #SOURCE}); unknown values are absent, never guessed.
 *
 * <p>Users can load their own catalog in the same format with {@link #read}. Some columns
 * are for readers of the files and have no place in the model: a program's {@code seed_name}
 * and {@code note}, and a relationship's {@code source}; they are read but not kept.
 */
public final class Catalog {

  /** The organization's name exactly as the seed writes it; absent for organizations not in the seed's list. */
  public static final AttributeKey<String> SEED_NAME = AttributeKey.of("catalog.seedName", String.class);

  /** The full legal Japanese name (with 公益財団法人 etc.), where known. */
  public static final AttributeKey<String> OFFICIAL_NAME_JA = AttributeKey.of("catalog.officialNameJa", String.class);

  /** A public source (URL) for the facts beyond the seed. */
  public static final AttributeKey<String> SOURCE = AttributeKey.of("catalog.source", String.class);

  /** Caveats: name corrections, translations, unverified identities. */
  public static final AttributeKey<String> NOTE = AttributeKey.of("catalog.note", String.class);

  /** Column names of the organizations file. */
  public static final ImmutableList<String> ORGANIZATION_COLUMNS = ImmutableList.of(
      "id", "name_ja", "name_en", "type", "prefecture", "block", "hub", "seed_name",
      "official_name_ja", "founded", "source", "note");

  /** Column names of the programs file. */
  public static final ImmutableList<String> PROGRAM_COLUMNS = ImmutableList.of(
      "id", "name_ja", "name_en", "sponsor", "level", "purpose", "first_year", "last_year",
      "budgets", "seed_name", "source", "note");

  /** Column names of the relationships file. */
  public static final ImmutableList<String> RELATIONSHIP_COLUMNS = ImmutableList.of(
      "from", "type", "to", "start_year", "end_year", "source");

  private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);

  private static final String ORGANIZATIONS = "organizations.tsv";
  private static final String PROGRAMS = "programs.tsv";
  private static final String RELATIONSHIPS = "relationships.tsv";

  private final Cluster cluster;
  private final ImmutableList<Organization> supportOrganizations;

  private Catalog(Cluster cluster) {
    this.cluster = cluster;
    this.supportOrganizations = cluster.organizations().stream()
        .filter(o -> o.attribute(SEED_NAME).isPresent())
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the catalog shipped with the library, loaded once.
   *
   * @return the nationwide catalog
   */
  public static Catalog nationwide() {
    return Bundled.INSTANCE;
  }

  private static final class Bundled {
    static final Catalog INSTANCE = load();

    private static Catalog load() {
      try (Reader orgs = resource(ORGANIZATIONS);
           Reader programs = resource(PROGRAMS);
           Reader ties = resource(RELATIONSHIPS)) {
        Catalog catalog = read(ORGANIZATIONS, orgs, PROGRAMS, programs, RELATIONSHIPS, ties);
        LOG.debug("loaded the bundled catalog: {}", catalog);
        return catalog;
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Reader resource(String name) {
      InputStream in = Catalog.class.getResourceAsStream(name);
      if (in == null) {
        throw new IllegalStateException("catalog resource " + name + " is missing from the jar");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
  }

  /**
   * Reads a catalog in the shipped format: three tab-separated UTF-8 files whose first
   * non-comment lines are the headers {@link #ORGANIZATION_COLUMNS}, {@link #PROGRAM_COLUMNS}
   * and {@link #RELATIONSHIP_COLUMNS}. Lines starting with {@code #} are comments.
   *
   * @param organizationsName the organizations file's name, for messages
   * @param organizations the organizations file
   * @param programsName the programs file's name
   * @param programs the programs file
   * @param relationshipsName the relationships file's name
   * @param relationships the relationships file
   * @return the catalog
   * @throws CatalogFormatException naming the file, line and field of the first malformed value
   * @throws UncheckedIOException if a reader fails
   */
  public static Catalog read(
      String organizationsName, Reader organizations,
      String programsName, Reader programs,
      String relationshipsName, Reader relationships) {
    Cluster.Builder b = Cluster.builder();
    Map<OrganizationId, Integer> lineOf = new HashMap<>();
    for (Tsv.Row row : Tsv.read(organizationsName, organizations, ORGANIZATION_COLUMNS)) {
      Organization o = organization(row);
      once(lineOf, o.id(), row, "id", "duplicate id '" + o.id() + "'");
      b.add(o);
    }
    Map<ProgramId, Integer> programLine = new HashMap<>();
    for (Tsv.Row row : Tsv.read(programsName, programs, PROGRAM_COLUMNS)) {
      FundingProgram p = program(row, lineOf);
      once(programLine, p.id(), row, "id", "duplicate id '" + p.id() + "'");
      b.add(p);
    }
    Map<Relationship, Integer> tieLine = new HashMap<>();
    for (Tsv.Row row : Tsv.read(relationshipsName, relationships, RELATIONSHIP_COLUMNS)) {
      Relationship r = relationship(row, lineOf);
      once(tieLine, r, row, "line", "duplicate relationship " + r);
      b.add(r);
    }
    return new Catalog(b.build());
  }

  /** Records the line of a key, failing if an earlier line had it. */
  private static <K> void once(Map<K, Integer> lines, K key, Tsv.Row row, String field, String problem) {
    Integer first = lines.putIfAbsent(key, row.line());
    if (first != null) {
      throw row.fail(field, problem + " (first on line " + first + ")");
    }
  }

  private static Organization organization(Tsv.Row row) {
    OrganizationId id = row.parse("id", OrganizationId::of);
    String nameJa = row.required("name_ja");
    String nameEn = row.required("name_en");
    OrganizationType type = row.enumValue("type", OrganizationType.class);
    Prefecture prefecture = row.prefecture("prefecture");
    RegionBlock block = row.enumValue("block", RegionBlock.class);
    if (block != prefecture.block()) {
      throw row.fail("block", "block " + block + " does not match prefecture " + prefecture.nameJa()
          + ", which is in " + prefecture.block());
    }
    Organization.Builder o = Organization.builder(id, nameEn, type, prefecture)
        .nativeName(nameJa)
        .hub(row.bool("hub"));
    row.year("founded").ifPresent(o::foundedYear);
    row.optional("seed_name").ifPresent(v -> o.attribute(SEED_NAME, v));
    row.optional("official_name_ja").ifPresent(v -> o.attribute(OFFICIAL_NAME_JA, v));
    row.optional("source").ifPresent(v -> o.attribute(SOURCE, v));
    row.optional("note").ifPresent(v -> o.attribute(NOTE, v));
    try {
      return o.build();
    } catch (IllegalArgumentException e) {
      throw row.fail("line", e.getMessage());
    }
  }

  private static OrganizationId known(Tsv.Row row, String column, Map<OrganizationId, Integer> known) {
    OrganizationId id = row.parse(column, OrganizationId::of);
    if (!known.containsKey(id)) {
      throw row.fail(column, "unknown organization '" + id + "'");
    }
    return id;
  }

  private static FundingProgram program(Tsv.Row row, Map<OrganizationId, Integer> orgs) {
    ProgramId id = row.parse("id", ProgramId::of);
    FundingProgram.Builder p = FundingProgram.builder(
            id,
            row.required("name_en"),
            known(row, "sponsor", orgs),
            row.enumValue("level", FundingLevel.class),
            row.enumValue("purpose", FundingPurpose.class))
        .nativeName(row.required("name_ja"));
    row.year("first_year").ifPresent(p::firstYear);
    row.year("last_year").ifPresent(p::lastYear);
    row.optional("source").ifPresent(p::source);
    row.optional("budgets").ifPresent(text -> {
      Set<Integer> seen = new HashSet<>();
      for (String pair : text.split(";")) {
        String[] kv = pair.strip().split("=", -1);
        if (kv.length != 2) {
          throw row.fail("budgets", "expected year=yen pairs separated by ';' but found '" + pair.strip() + "'");
        }
        int year = row.integer("budgets", kv[0].strip(), 1, 9999);
        if (!seen.add(year)) {
          throw row.fail("budgets", "the budget of " + year + " is listed more than once");
        }
        p.budget(year, row.nonNegativeLong("budgets", kv[1].strip()));
      }
    });
    try {
      return p.build();
    } catch (IllegalArgumentException e) {
      throw row.fail("line", e.getMessage());
    }
  }

  private static Relationship relationship(Tsv.Row row, Map<OrganizationId, Integer> orgs) {
    Relationship.Builder r = Relationship.builder(
            known(row, "from", orgs), row.enumValue("type", RelationshipType.class), known(row, "to", orgs))
        .startYear(row.requiredYear("start_year"));
    row.year("end_year").ifPresent(r::endYear);
    try {
      return r.build();
    } catch (IllegalArgumentException e) {
      throw row.fail("line", e.getMessage());
    }
  }

  /**
   * Returns the catalog as a cluster: every organization, program and relationship.
   *
   * @return the cluster
   */
  public Cluster cluster() {
    return cluster;
  }

  /**
   * Returns every organization: the support organizations and the national agencies, in id
   * order.
   *
   * @return the organizations
   */
  public ImmutableList<Organization> organizations() {
    return cluster.organizations();
  }

  /**
   * Returns the organizations of the seed's list, in id order.
   *
   * @return the 64 support organizations of the shipped catalog
   */
  public ImmutableList<Organization> supportOrganizations() {
    return supportOrganizations;
  }

  /**
   * Returns the support organizations of the seed's list in a region block, in id order.
   *
   * @param block the block
   * @return the organizations
   */
  public ImmutableList<Organization> supportOrganizationsIn(RegionBlock block) {
    checkNotNull(block, "block");
    return supportOrganizations.stream().filter(o -> o.block() == block).collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the hubs (★), in id order.
   *
   * @return the six hubs of the shipped catalog
   */
  public ImmutableList<Organization> hubs() {
    return cluster.hubs();
  }

  /**
   * Returns an organization of the catalog.
   *
   * @param id the id
   * @return the organization, or empty
   */
  public Optional<Organization> organization(OrganizationId id) {
    return cluster.organization(id);
  }

  /**
   * Returns the national programs, in id order.
   *
   * @return the programs
   */
  public ImmutableList<FundingProgram> programs() {
    return cluster.programs();
  }

  /**
   * Returns the catalog's relationships, in canonical order.
   *
   * @return the relationships
   */
  public ImmutableList<Relationship> relationships() {
    return cluster.relationships();
  }

  @Override
  public String toString() {
    return "Catalog[supportOrganizations=" + supportOrganizations.size() + ", hubs=" + hubs().size()
        + ", organizations=" + organizations().size() + ", programs=" + programs().size() + "]";
  }
}
