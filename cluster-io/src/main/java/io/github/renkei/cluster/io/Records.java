package io.github.renkei.cluster.io;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import io.github.renkei.cluster.model.AttributeKey;
import io.github.renkei.cluster.model.Attributes;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.Eligibility;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.FundingPurpose;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Problem;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.model.Sector;
import io.github.renkei.cluster.model.ValidationException;
import io.github.renkei.cluster.model.Vocabulary;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.Licence;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The fields of each element of a cluster, written to and read from a record of either format
 * (a JSON object, a CSV row). Field names are those of the JSON format; a CSV column is the
 * field name in snake case ({@code nativeName} → {@code native_name}).
 */
final class Records {

  private Records() {}

  /** The fields of an organization, in the order written. */
  static final ImmutableList<String> ORGANIZATION = ImmutableList.of(
      "id", "name", "nativeName", "type", "prefecture", "capabilities", "certifications", "licences",
      "capacity", "minLotSize", "maxLotSize", "employees", "foundedYear", "entryStage", "hub", "attributes");
  /** The fields an organization must have. */
  static final ImmutableSet<String> ORGANIZATION_REQUIRED = ImmutableSet.of("id", "name", "type", "prefecture");

  /** The fields of a relationship. */
  static final ImmutableList<String> RELATIONSHIP = ImmutableList.of("from", "type", "to", "startYear", "endYear");
  /** The fields a relationship must have. */
  static final ImmutableSet<String> RELATIONSHIP_REQUIRED = ImmutableSet.of("from", "type", "to", "startYear");

  /** The fields of a need. */
  static final ImmutableList<String> NEED = ImmutableList.of(
      "id", "requester", "kind", "description", "requiredCapabilities", "requiredCertifications", "deviceClass",
      "lotSize", "preferredPrefecture", "preferredBlock", "deadline", "addressedTo");
  /** The fields a need must have. */
  static final ImmutableSet<String> NEED_REQUIRED = ImmutableSet.of("id", "requester", "kind");

  /** The fields of a funding program. */
  static final ImmutableList<String> PROGRAM = ImmutableList.of(
      "id", "name", "nativeName", "sponsor", "level", "purpose", "firstYear", "lastYear", "budgets",
      "eligibleSectors", "eligibleTypes", "eligiblePrefectures", "source");
  /** The fields a program must have. */
  static final ImmutableSet<String> PROGRAM_REQUIRED = ImmutableSet.of("id", "name", "sponsor", "level", "purpose");

  /** The value types an attribute may have, by the name the files use. */
  static final ImmutableMap<String, Class<?>> ATTRIBUTE_TYPES = ImmutableMap.of(
      "String", String.class, "Integer", Integer.class, "Long", Long.class, "Double", Double.class,
      "Boolean", Boolean.class);

  private static final ImmutableMap<String, Licence> STANDARD_LICENCES = JapanPmdAct.get().licences().stream()
      .collect(ImmutableMap.toImmutableMap(Licence::code, l -> l));

  /** The column of a CSV file that holds a field: its name in snake case. */
  static String column(String field) {
    StringBuilder s = new StringBuilder(field.length() + 4);
    for (char c : field.toCharArray()) {
      if (Character.isUpperCase(c)) {
        s.append('_').append(Character.toLowerCase(c));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }

  /** A code with the label to write, or a null label when the code alone gives it back. */
  record Coded(String code, String label) {}

  /** Where an element is written. */
  interface Out {
    void text(String field, String value);

    void integer(String field, int value);

    void bool(String field, boolean value);

    void names(String field, List<String> values);

    void codes(String field, List<Coded> values);

    void budgets(String field, Map<Integer, Long> yenByYear);

    /** Writes the attributes; fails naming the organization and the key if one cannot be written. */
    void attributes(String field, Attributes attributes, String organization);
  }

  /** Where an element is read from: one JSON object or one CSV row. */
  interface In {
    /** The line the element starts on, 1-based. */
    int line();

    /** A text field, empty if absent. */
    Optional<String> text(String field);

    /** A whole number field within bounds, empty if absent. */
    OptionalInt integer(String field, int min, int max);

    /** A boolean field, empty if absent. */
    Optional<Boolean> bool(String field);

    /** A list of names (of enum constants), empty if absent. */
    List<String> names(String field);

    /** A list of codes with optional labels, empty if absent. */
    List<Coded> codes(String field);

    /** Budgets in yen by year, empty if absent. */
    Map<Integer, Long> budgets(String field);

    /** Typed attributes, empty if absent. */
    Attributes attributes(String field);

    /** An error at a field (or at the whole element if the field is null). */
    ClusterFormatException fail(String field, String problem);

    /** A field that must be present. */
    default String required(String field) {
      return text(field).orElseThrow(() -> fail(field, "is missing or empty; it is required"));
    }
  }

  // ------------------------------------------------------------------------------------ writing

  static void write(Organization o, Out raw) {
    Out out = checked(raw, "organization '" + o.id() + "'");
    out.text("id", o.id().value());
    out.text("name", o.name());
    o.nativeName().ifPresent(v -> out.text("nativeName", v));
    out.text("type", o.type().name());
    out.text("prefecture", o.prefecture().name());
    out.codes("capabilities", coded(o.capabilities(), Capability::code, Capability::label, Records::defaultLabel));
    out.codes("certifications",
        coded(o.certifications(), Certification::code, Certification::label, Records::defaultLabel));
    out.codes("licences", coded(o.licences(), Licence::code, Licence::label, Records::defaultLabel));
    out.integer("capacity", o.capacity());
    o.minLotSize().ifPresent(v -> out.integer("minLotSize", v));
    o.maxLotSize().ifPresent(v -> out.integer("maxLotSize", v));
    o.employees().ifPresent(v -> out.integer("employees", v));
    o.foundedYear().ifPresent(v -> out.integer("foundedYear", v));
    out.text("entryStage", o.entryStage().name());
    out.bool("hub", o.isHub());
    out.attributes("attributes", o.attributes(), o.id().value());
  }

  static void write(Relationship r, Out raw) {
    Out out = checked(raw, "relationship " + r);
    out.text("from", r.from().value());
    out.text("type", r.type().name());
    out.text("to", r.to().value());
    out.integer("startYear", r.startYear());
    r.endYear().ifPresent(v -> out.integer("endYear", v));
  }

  static void write(Need n, Out raw) {
    Out out = checked(raw, "need '" + n.id() + "'");
    out.text("id", n.id().value());
    out.text("requester", n.requester().value());
    out.text("kind", n.kind().name());
    n.description().ifPresent(v -> out.text("description", v));
    out.codes("requiredCapabilities",
        coded(n.requiredCapabilities(), Capability::code, Capability::label, Records::defaultLabel));
    out.codes("requiredCertifications",
        coded(n.requiredCertifications(), Certification::code, Certification::label, Records::defaultLabel));
    n.deviceClass().ifPresent(v -> out.text("deviceClass", v.name()));
    n.lotSize().ifPresent(v -> out.integer("lotSize", v));
    n.preferredPrefecture().ifPresent(v -> out.text("preferredPrefecture", v.name()));
    n.preferredBlock().ifPresent(v -> out.text("preferredBlock", v.name()));
    n.deadline().ifPresent(v -> out.text("deadline", v.toString()));
    n.addressedTo().ifPresent(v -> out.text("addressedTo", v.value()));
  }

  static void write(FundingProgram p, Out raw) {
    Out out = checked(raw, "program '" + p.id() + "'");
    out.text("id", p.id().value());
    out.text("name", p.name());
    p.nativeName().ifPresent(v -> out.text("nativeName", v));
    out.text("sponsor", p.sponsor().value());
    out.text("level", p.level().name());
    out.text("purpose", p.purpose().name());
    p.firstYear().ifPresent(v -> out.integer("firstYear", v));
    p.lastYear().ifPresent(v -> out.integer("lastYear", v));
    out.budgets("budgets", p.budgets());
    Eligibility e = p.eligibility();
    out.names("eligibleSectors", sortedNames(e.sectors()));
    out.names("eligibleTypes", sortedNames(e.types()));
    out.names("eligiblePrefectures", sortedNames(e.prefectures()));
    p.source().ifPresent(v -> out.text("source", v));
  }

  /**
   * The longest text value, and the longest CSV cell, either format writes and reads: a name,
   * label, description, source or attribute value, in UTF-16 characters. The JSON reader is set
   * to exactly this limit, so nothing is written that the readers refuse.
   */
  static final int MAX_TEXT_LENGTH = 10_000_000;

  /** The longest attribute name, which JSON writes as an object's key (Jackson's own default). */
  static final int MAX_NAME_LENGTH = 50_000;

  /**
   * Wraps a writer so that every text is checked before it is written: no unpaired surrogate
   * (it has no UTF-8 form, and the JDK's encoder would fail later with "Input length = 1",
   * naming nothing) and no text beyond the readers' limits.
   */
  private static Out checked(Out out, String element) {
    return new Out() {
      @Override
      public void text(String field, String value) {
        checkText(element, field, value, MAX_TEXT_LENGTH);
        out.text(field, value);
      }

      @Override
      public void integer(String field, int value) {
        out.integer(field, value);
      }

      @Override
      public void bool(String field, boolean value) {
        out.bool(field, value);
      }

      @Override
      public void names(String field, List<String> values) {
        out.names(field, values);
      }

      @Override
      public void codes(String field, List<Coded> values) {
        for (Coded c : values) {
          if (c.label() != null) {
            checkText(element, field + " (label of " + c.code() + ")", c.label(), MAX_TEXT_LENGTH);
          }
        }
        out.codes(field, values);
      }

      @Override
      public void budgets(String field, Map<Integer, Long> yenByYear) {
        out.budgets(field, yenByYear);
      }

      @Override
      public void attributes(String field, Attributes attributes, String organization) {
        for (Map.Entry<AttributeKey<?>, Object> e : attributes.asMap().entrySet()) {
          String name = e.getKey().name();
          checkText(element, field + " (the name of attribute '" + abbreviate(name) + "')", name, MAX_NAME_LENGTH);
          if (e.getValue() instanceof String v) {
            checkText(element, field + "." + abbreviate(name), v, MAX_TEXT_LENGTH);
          }
        }
        out.attributes(field, attributes, organization);
      }
    };
  }

  /**
   * Checks that a text can be written and read back.
   *
   * @throws IllegalArgumentException naming the element, the field and the problem
   */
  static void checkText(String element, String field, String value, int maxLength) {
    if (value.length() > maxLength) {
      throw new IllegalArgumentException("cannot write " + element + ": its " + field + " has " + value.length()
          + " characters, more than the " + maxLength + " the cluster files allow (" + abbreviate(value) + ")");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("cannot write " + element + ": its " + field
            + " holds an unpaired surrogate U+" + String.format("%04X", (int) c) + " at index " + i
            + ", which has no UTF-8 form (" + abbreviate(value) + ")");
      }
    }
  }

  private static String abbreviate(String s) {
    String shown = s.length() <= 40 ? s : s.substring(0, 40) + "…";
    StringBuilder out = new StringBuilder("'");
    shown.chars().forEach(c -> out.append(Character.isSurrogate((char) c) ? "\\u" + String.format("%04X", c)
        : String.valueOf((char) c)));
    return out.append('\'').toString();
  }

  private static <E extends Enum<E>> List<String> sortedNames(Collection<E> values) {
    return values.stream().sorted().map(Enum::name).collect(ImmutableList.toImmutableList());
  }

  private static <T> List<Coded> coded(
      Collection<T> values, Function<T, String> code, Function<T, String> label, Function<T, String> defaultLabel) {
    List<Coded> out = new ArrayList<>(values.size());
    for (T v : values) {
      String l = label.apply(v);
      out.add(new Coded(code.apply(v), l.equals(defaultLabel.apply(v)) ? null : l));
    }
    return out;
  }

  /** The label reading the code alone gives: the standard value's, or the code itself. */
  private static String defaultLabel(Capability c) {
    return Capability.standard(c.code()).map(Capability::label).orElse(c.code());
  }

  private static String defaultLabel(Certification c) {
    return Certification.standard(c.code()).map(Certification::label).orElse(c.code());
  }

  private static String defaultLabel(Licence l) {
    Licence standard = STANDARD_LICENCES.get(l.code());
    return standard == null ? l.code() : standard.label();
  }

  /**
   * Returns the name a value's type has in the files.
   *
   * @throws IllegalArgumentException naming the organization and the key for any other type
   */
  static String attributeType(String organization, AttributeKey<?> key, Object value) {
    for (Map.Entry<String, Class<?>> t : ATTRIBUTE_TYPES.entrySet()) {
      if (t.getValue() == value.getClass()) {
        return t.getKey();
      }
    }
    throw new IllegalArgumentException("cannot write organization '" + organization + "': its attribute '"
        + key.name() + "' is a " + value.getClass().getName() + "; the cluster files hold attributes of the types "
        + ATTRIBUTE_TYPES.keySet() + " only");
  }

  // ------------------------------------------------------------------------------------ reading

  /**
   * Returns an attribute's key and value from their text.
   *
   * @throws IllegalArgumentException naming the type or the value if it is not one of them
   */
  static Attributes withAttribute(Attributes attributes, String name, String type, String text) {
    Class<?> c = ATTRIBUTE_TYPES.get(type);
    if (c == null) {
      throw new IllegalArgumentException("attribute '" + name + "' has the unknown type '" + type + "' (expected one of "
          + ATTRIBUTE_TYPES.keySet() + ")");
    }
    Object value;
    try {
      value = switch (type) {
        case "String" -> text;
        case "Integer" -> Integer.valueOf(text.strip());
        case "Long" -> Long.valueOf(text.strip());
        case "Double" -> Double.valueOf(text.strip());
        default -> bool(text.strip());
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("attribute '" + name + "' is not a valid " + type + ": '" + text + "'", e);
    }
    return with(attributes, AttributeKey.of(name, c), value);
  }

  private static <T> Attributes with(Attributes attributes, AttributeKey<T> key, Object value) {
    if (attributes.get(key).isPresent()) {
      throw new IllegalArgumentException("attribute '" + key.name() + "' is given more than once");
    }
    return attributes.with(key, key.cast(value));
  }

  private static Boolean bool(String text) {
    if (text.equals("true")) {
      return Boolean.TRUE;
    }
    if (text.equals("false")) {
      return Boolean.FALSE;
    }
    throw new NumberFormatException("not true or false");
  }

  static Organization organization(In in, Vocabulary vocabulary) {
    OrganizationId id = parse(in, "id", OrganizationId::of);
    Organization.Builder b = Organization.builder(
        id, in.required("name"), enumValue(in, "type", OrganizationType.class), prefecture(in, "prefecture"));
    in.text("nativeName").ifPresent(b::nativeName);
    b.capabilities(codes(in, "capabilities", vocabulary, Vocabulary.Kind.CAPABILITY,
        (code, label) -> label == null ? Capability.of(code) : Capability.of(code, label)));
    b.certifications(codes(in, "certifications", vocabulary, Vocabulary.Kind.CERTIFICATION,
        (code, label) -> label == null ? Certification.of(code) : Certification.of(code, label)));
    b.licences(codes(in, "licences", vocabulary, Vocabulary.Kind.LICENCE, (code, label) -> label != null
        ? Licence.of(code, label)
        : Optional.ofNullable(STANDARD_LICENCES.get(code)).orElseGet(() -> Licence.of(code, code))));
    in.integer("capacity", 0, Integer.MAX_VALUE).ifPresent(b::capacity);
    OptionalInt min = in.integer("minLotSize", 1, Integer.MAX_VALUE);
    OptionalInt max = in.integer("maxLotSize", 1, Integer.MAX_VALUE);
    if (min.isPresent() != max.isPresent()) {
      throw in.fail(min.isPresent() ? "maxLotSize" : "minLotSize",
          "is missing; minLotSize and maxLotSize are given together or not at all");
    }
    if (min.isPresent()) {
      b.lotSizes(min.getAsInt(), max.getAsInt());
    }
    in.integer("employees", 0, Integer.MAX_VALUE).ifPresent(b::employees);
    in.integer("foundedYear", 1, 9999).ifPresent(b::foundedYear);
    if (in.text("entryStage").isPresent()) {
      b.entryStage(enumValue(in, "entryStage", EntryStage.class));
    }
    in.bool("hub").ifPresent(b::hub);
    b.attributes(in.attributes("attributes"));
    return build(in, b::build, "organization '" + id + "': ",
        "native name", "nativeName", "name", "name", "capacity", "capacity", "lot sizes", "minLotSize",
        "employees", "employees", "founded year", "foundedYear");
  }

  static Relationship relationship(In in) {
    OrganizationId from = parse(in, "from", OrganizationId::of);
    RelationshipType type = enumValue(in, "type", RelationshipType.class);
    OrganizationId to = parse(in, "to", OrganizationId::of);
    OptionalInt start = in.integer("startYear", 1, 9999);
    Relationship.Builder b = Relationship.builder(from, type, to)
        .startYear(start.orElseThrow(() -> in.fail("startYear", "is missing or empty; it is required")));
    in.integer("endYear", 1, 9999).ifPresent(b::endYear);
    return build(in, b::build, null,
        "a tie from an organization to itself", "to", "start year", "startYear", "end year", "endYear");
  }

  static Need need(In in, Vocabulary vocabulary) {
    NeedId id = parse(in, "id", NeedId::of);
    Need.Builder b = Need.builder(id, parse(in, "requester", OrganizationId::of), enumValue(in, "kind", NeedKind.class));
    in.text("description").ifPresent(b::description);
    b.requiredCapabilities(codes(in, "requiredCapabilities", vocabulary, Vocabulary.Kind.CAPABILITY,
        (code, label) -> label == null ? Capability.of(code) : Capability.of(code, label)));
    b.requiredCertifications(codes(in, "requiredCertifications", vocabulary, Vocabulary.Kind.CERTIFICATION,
        (code, label) -> label == null ? Certification.of(code) : Certification.of(code, label)));
    if (in.text("deviceClass").isPresent()) {
      b.deviceClass(enumValue(in, "deviceClass", DeviceClass.class));
    }
    in.integer("lotSize", 1, Integer.MAX_VALUE).ifPresent(b::lotSize);
    if (in.text("preferredPrefecture").isPresent()) {
      b.preferredPrefecture(prefecture(in, "preferredPrefecture"));
    }
    if (in.text("preferredBlock").isPresent()) {
      b.preferredBlock(enumValue(in, "preferredBlock", RegionBlock.class));
    }
    in.text("deadline").ifPresent(text -> {
      try {
        b.deadline(LocalDate.parse(text.strip()));
      } catch (DateTimeParseException e) {
        throw in.fail("deadline", "not an ISO-8601 date (yyyy-mm-dd): '" + text + "'");
      }
    });
    if (in.text("addressedTo").isPresent()) {
      b.addressedTo(parse(in, "addressedTo", OrganizationId::of));
    }
    return build(in, b::build, "need '" + id + "': ",
        "description", "description", "lot size", "lotSize", "addressed to", "addressedTo");
  }

  static FundingProgram program(In in) {
    ProgramId id = parse(in, "id", ProgramId::of);
    FundingProgram.Builder b = FundingProgram.builder(id, in.required("name"), parse(in, "sponsor", OrganizationId::of),
        enumValue(in, "level", FundingLevel.class), enumValue(in, "purpose", FundingPurpose.class));
    in.text("nativeName").ifPresent(b::nativeName);
    in.integer("firstYear", 1, 9999).ifPresent(b::firstYear);
    in.integer("lastYear", 1, 9999).ifPresent(b::lastYear);
    b.budgets(in.budgets("budgets"));
    b.eligibility(new Eligibility(
        enumSet(in, "eligibleSectors", Sector.class),
        enumSet(in, "eligibleTypes", OrganizationType.class),
        enumSet(in, "eligiblePrefectures", Prefecture.class)));
    in.text("source").ifPresent(b::source);
    return build(in, b::build, "program '" + id + "': ",
        "native name", "nativeName", "name", "name", "source", "source", "first year", "firstYear",
        "last year", "lastYear", "budget", "budgets");
  }

  /**
   * Builds an element, turning the model's problems into one error at the field the first
   * problem is about (found by the words its message starts with).
   */
  private static <T> T build(In in, Supplier<T> build, String prefix, String... wordsAndFields) {
    try {
      return build.get();
    } catch (ValidationException e) {
      List<String> details = new ArrayList<>();
      for (Problem p : e.problems()) {
        details.add(detail(p.message(), prefix));
      }
      String first = details.get(0);
      String field = null;
      for (int i = 0; i < wordsAndFields.length && field == null; i += 2) {
        if (first.startsWith(wordsAndFields[i])) {
          field = wordsAndFields[i + 1];
        }
      }
      throw in.fail(field, String.join("; ", details));
    }
  }

  private static String detail(String message, String prefix) {
    if (prefix != null) {
      return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
    // a relationship's messages start with "relationship a -[TYPE]-> b (start–end): "
    int colon = message.indexOf(": ", Math.max(0, message.lastIndexOf('–')));
    return colon < 0 ? message : message.substring(colon + 2);
  }

  private static <T> T parse(In in, String field, Function<String, T> parser) {
    String text = in.required(field);
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw in.fail(field, e.getMessage());
    }
  }

  private static <E extends Enum<E>> E enumValue(In in, String field, Class<E> type) {
    return enumValue(in, field, type, in.required(field).strip());
  }

  private static <E extends Enum<E>> E enumValue(In in, String field, Class<E> type, String name) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw in.fail(field, "unknown " + type.getSimpleName() + " '" + name + "' (expected one of "
          + EnumSet.allOf(type).stream().map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
  }

  /** A prefecture by its constant name (FUKUSHIMA) or its two-digit JIS X 0401 code (07). */
  private static Prefecture prefecture(In in, String field) {
    String text = in.required(field).strip();
    if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Prefecture.ofCode(text);
      } catch (IllegalArgumentException e) {
        throw in.fail(field, e.getMessage());
      }
    }
    return enumValue(in, field, Prefecture.class, text);
  }

  private static <E extends Enum<E>> ImmutableSet<E> enumSet(In in, String field, Class<E> type) {
    List<E> values = new ArrayList<>();
    for (String name : in.names(field)) {
      values.add(enumValue(in, field, type, name.strip()));
    }
    return Sets.immutableEnumSet(values);
  }

  /** Makes a coded value from a code and a label (null for the default label). */
  private interface CodedFactory<T> {
    T make(String code, String label);
  }

  /**
   * Reads codes, checking each against the vocabulary here rather than leaving it to the
   * cluster's builder, so that the error names the file, line and field of the typo.
   */
  private static <T> List<T> codes(
      In in, String field, Vocabulary vocabulary, Vocabulary.Kind kind, CodedFactory<T> factory) {
    List<T> out = new ArrayList<>();
    for (Coded c : in.codes(field)) {
      try {
        out.add(factory.make(c.code(), c.label()));
      } catch (IllegalArgumentException e) {
        throw in.fail(field, e.getMessage());
      }
      Optional<String> problem = vocabulary.problem(kind, c.code());
      if (problem.isPresent()) {
        throw in.fail(field, problem.get());
      }
    }
    return out;
  }
}
