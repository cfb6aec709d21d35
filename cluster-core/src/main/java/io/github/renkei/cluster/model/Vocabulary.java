package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import io.github.renkei.cluster.internal.Codes;
import io.github.renkei.cluster.internal.Suggestions;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.Licence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The codes a user declares as their own: capabilities, certifications and licences that are not
 * in the library's catalogues, and code prefixes the user owns. Codes stay open — anyone may use
 * a code the library does not know — but a typo of a built-in code must not quietly become a new
 * code: {@code PRECISION_CUTING} would make a supplier fail every need for
 * {@code PRECISION_CUTTING}, {@code jp.pmd.mfg.main-asembly} would make it fail the PMD Act check.
 *
 * <h2>The rule</h2>
 * {@link #problem(Kind, String)} accepts a code if it is
 * <ol>
 *   <li>a built-in code of its kind ({@link Capability#standard()},
 *       {@link Certification#standard()}, {@link JapanPmdAct#licences()}), or
 *   <li>declared, by name or by an owned prefix, and not in a reserved namespace, or
 *   <li>not close to any built-in code of its kind.
 * </ol>
 * A code is <em>close</em> to a built-in code when, compared without regard to case, their
 * optimal-string-alignment distance (insertions, deletions, substitutions and swaps of two
 * adjacent characters, each counting 1) is at most 0 for built-in codes of up to 3 characters,
 * 1 for up to 7 and 2 beyond: {@code ISO_13458} (a swap), {@code PRECISION_CUTING} (a deletion),
 * {@code iso_13485} (case) and {@code ISO-13485} (a substitution) are all close to a built-in code;
 * {@code LASER_MICROWELDING} and {@code PIC_S_GMP} are not. The limit scales with length so that a
 * short code ({@code CNC}) does not shadow every three-letter code.
 *
 * <p>A code in a reserved namespace ({@link #RESERVED_NAMESPACES}, compared without regard to
 * case: {@code jp.pmd.} belongs to {@link JapanPmdAct}) that is not a built-in code is always an
 * error, and cannot be declared: nothing outside the profile can mint a PMD Act licence.
 *
 * <h2>Where it is checked</h2>
 * {@link Cluster.Builder#build()} and the cluster's {@code with…} methods check every code of every
 * organization and need against the cluster's vocabulary ({@link Cluster.Builder#vocabulary}; by
 * default {@link #standard()}, which declares nothing) and report each undeclared close code as a
 * {@link ProblemKind#UNDECLARED_CODE} problem, together with every other problem, so a cluster
 * built in Java is as protected as one read from a file. The file readers of {@code cluster-io}
 * check each code as they read it, so that the error also names the file, line and field.
 *
 * <pre>{@code
 * Vocabulary mine = Vocabulary.builder()
 *     .declare(Vocabulary.Kind.CERTIFICATION, "ISO_13488")     // close to ISO_13485, but real
 *     .prefix("acme.")                                         // acme.* is ours
 *     .build();
 * Cluster cluster = Cluster.builder().vocabulary(mine).add(firm).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Two vocabularies are equal when they declare the same codes and
 * prefixes.
 */
public final class Vocabulary {

  /**
   * Namespaces of codes that belong to the library's profiles; a code in one must be a built-in
   * code. Compared without regard to case.
   */
  public static final ImmutableList<String> RESERVED_NAMESPACES = ImmutableList.of("jp.pmd.");

  /** The kinds of coded values a vocabulary declares. */
  public enum Kind {
    /** A {@link Capability}. */
    CAPABILITY("capability", () -> codes(Capability.standard(), Capability::code)),
    /** A {@link Certification}. */
    CERTIFICATION("certification", () -> codes(Certification.standard(), Certification::code)),
    /** A {@link Licence}. */
    LICENCE("licence", () -> codes(JapanPmdAct.get().licences(), Licence::code));

    private final String word;
    private final java.util.function.Supplier<ImmutableSortedSet<String>> builtIn;
    private volatile ImmutableSortedSet<String> codes;

    Kind(String word, java.util.function.Supplier<ImmutableSortedSet<String>> builtIn) {
      this.word = word;
      this.builtIn = builtIn;
    }

    /**
     * Returns the word the messages use for this kind.
     *
     * @return {@code capability}, {@code certification} or {@code licence}
     */
    public String word() {
      return word;
    }

    /**
     * Returns the library's built-in codes of this kind.
     *
     * @return the codes, sorted
     */
    public ImmutableSortedSet<String> builtIn() {
      // computed on first use: the catalogues' classes must be initialized before this enum reads them
      ImmutableSortedSet<String> c = codes;
      if (c == null) {
        c = builtIn.get();
        codes = c;
      }
      return c;
    }
  }

  private static <T> ImmutableSortedSet<String> codes(Iterable<T> values, Function<T, String> code) {
    ImmutableSortedSet.Builder<String> b = ImmutableSortedSet.naturalOrder();
    values.forEach(v -> b.add(code.apply(v)));
    return b.build();
  }

  private static final Vocabulary STANDARD = new Vocabulary(new EnumMap<>(Kind.class), ImmutableSortedSet.of());

  private final Map<Kind, ImmutableSortedSet<String>> declared;
  private final ImmutableSortedSet<String> prefixes;

  private Vocabulary(Map<Kind, ImmutableSortedSet<String>> declared, ImmutableSortedSet<String> prefixes) {
    EnumMap<Kind, ImmutableSortedSet<String>> d = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      d.put(k, declared.getOrDefault(k, ImmutableSortedSet.of()));
    }
    this.declared = d;
    this.prefixes = prefixes;
  }

  /**
   * Returns the vocabulary that declares nothing: only built-in codes and codes far from every
   * built-in code are accepted.
   *
   * @return the standard vocabulary
   */
  public static Vocabulary standard() {
    return STANDARD;
  }

  /**
   * Starts an empty builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the codes declared for a kind.
   *
   * @param kind the kind
   * @return the codes, sorted
   */
  public ImmutableSortedSet<String> declared(Kind kind) {
    return declared.get(checkNotNull(kind, "kind"));
  }

  /**
   * Returns the prefixes the user owns; a code starting with one is declared, whatever its kind.
   *
   * @return the prefixes, sorted
   */
  public ImmutableSortedSet<String> prefixes() {
    return prefixes;
  }

  /**
   * Tells whether the vocabulary declares nothing.
   *
   * @return true if no code and no prefix is declared
   */
  public boolean isEmpty() {
    return prefixes.isEmpty() && declared.values().stream().allMatch(ImmutableSortedSet::isEmpty);
  }

  /**
   * Returns a vocabulary declaring what this one and another declare.
   *
   * @param other the other vocabulary
   * @return the union
   */
  public Vocabulary with(Vocabulary other) {
    checkNotNull(other, "other");
    return builder().addAll(this).addAll(other).build();
  }

  /**
   * Checks a code by the rule of this class.
   *
   * @param kind the kind of value the code names
   * @param code the code
   * @return what is wrong, naming the code and the nearest built-in codes ("did you mean …"), or
   *     empty if the code is accepted
   */
  public Optional<String> problem(Kind kind, String code) {
    checkNotNull(kind, "kind");
    checkNotNull(code, "code");
    ImmutableSortedSet<String> builtIn = kind.builtIn();
    if (builtIn.contains(code)) {
      return Optional.empty();
    }
    List<String> near = nearest(builtIn, code);
    String suggestion = near.isEmpty() ? "" : "; did you mean " + quoted(near) + "?";
    Optional<String> reserved = reservedNamespace(code);
    if (reserved.isPresent()) {
      return Optional.of(kind.word + " '" + code + "' does not exist: codes starting '" + reserved.get()
          + "' are the library's own and cannot be declared" + (near.isEmpty()
              ? " (the " + kind.word + " codes in it are " + inNamespace(builtIn, reserved.get()) + ")"
              : suggestion));
    }
    if (near.isEmpty() || isDeclared(kind, code)) {
      return Optional.empty();
    }
    return Optional.of(kind.word + " '" + code + "' is not a built-in code and not declared in the vocabulary"
        + suggestion + " (declare it, or a prefix of it, in the vocabulary if it is a code of your own)");
  }

  private boolean isDeclared(Kind kind, String code) {
    if (declared.get(kind).contains(code)) {
      return true;
    }
    for (String p : prefixes) {
      if (code.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> inNamespace(ImmutableSortedSet<String> builtIn, String namespace) {
    List<String> out = new ArrayList<>();
    for (String c : builtIn) {
      if (c.toLowerCase(Locale.ROOT).startsWith(namespace)) {
        out.add(c);
      }
    }
    return out;
  }

  private static Optional<String> reservedNamespace(String code) {
    String lower = code.toLowerCase(Locale.ROOT);
    for (String n : RESERVED_NAMESPACES) {
      if (lower.startsWith(n)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  private static String quoted(List<String> codes) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < codes.size(); i++) {
      if (i > 0) {
        s.append(i == codes.size() - 1 ? " or " : ", ");
      }
      s.append('\'').append(codes.get(i)).append('\'');
    }
    return s.toString();
  }

  /** The built-in codes close to a code, nearest first (ties in code order). */
  private static List<String> nearest(ImmutableSortedSet<String> builtIn, String code) {
    return Suggestions.nearest(builtIn, code);
  }

  /** How far a code may be from a built-in code of a length and still count as its typo. */
  static int limit(int length) {
    return Suggestions.limit(length);
  }

  /** The optimal-string-alignment distance ({@link Suggestions#distance}). */
  static int distance(String a, String b) {
    return Suggestions.distance(a, b);
  }


  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v && v.declared.equals(declared) && v.prefixes.equals(prefixes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(declared, prefixes);
  }

  /** Returns the declared codes by kind and the prefixes. */
  @Override
  public String toString() {
    return "Vocabulary" + declared + " prefixes " + prefixes;
  }

  /** Collects declared codes and prefixes. Not thread-safe. */
  public static final class Builder {
    private final Map<Kind, ImmutableSortedSet.Builder<String>> codes = new EnumMap<>(Kind.class);
    private final ImmutableSortedSet.Builder<String> prefixes = ImmutableSortedSet.naturalOrder();

    private Builder() {}

    /**
     * Declares codes of a kind as the user's own.
     *
     * @param kind the kind
     * @param codes the codes: each a valid code (1 to 128 letters, digits and {@code _ . : -},
     *     starting with a letter or digit) outside the reserved namespaces
     * @return this builder
     * @throws IllegalArgumentException naming the code if it is malformed or reserved
     */
    public Builder declare(Kind kind, String... codes) {
      checkNotNull(kind, "kind");
      for (String c : checkNotNull(codes, "codes")) {
        Codes.checkCodeAndLabel(checkNotNull(c, "code"), c, kind.word);
        checkArgument(reservedNamespace(c).isEmpty(),
            "%s '%s' cannot be declared: codes starting %s are the library's own", kind.word, c, RESERVED_NAMESPACES);
        this.codes.computeIfAbsent(kind, k -> ImmutableSortedSet.naturalOrder()).add(c);
      }
      return this;
    }

    /**
     * Declares that the user owns every code starting with a prefix, of any kind.
     *
     * @param prefix the prefix: a valid start of a code, neither inside nor around a reserved
     *     namespace
     * @return this builder
     * @throws IllegalArgumentException naming the prefix if it is malformed or would own a
     *     reserved namespace
     */
    public Builder prefix(String prefix) {
      Codes.checkCodeAndLabel(checkNotNull(prefix, "prefix"), prefix, "prefix");
      String lower = prefix.toLowerCase(Locale.ROOT);
      for (String n : RESERVED_NAMESPACES) {
        checkArgument(!lower.startsWith(n) && !n.startsWith(lower),
            "prefix '%s' cannot be declared: it would own codes of the reserved namespace '%s'", prefix, n);
      }
      prefixes.add(prefix);
      return this;
    }

    /**
     * Declares everything another vocabulary declares.
     *
     * @param other the other vocabulary
     * @return this builder
     */
    public Builder addAll(Vocabulary other) {
      checkNotNull(other, "other");
      other.declared.forEach((k, v) -> v.forEach(c -> declare(k, c)));
      other.prefixes.forEach(this::prefix);
      return this;
    }

    /**
     * Builds the vocabulary.
     *
     * @return the vocabulary
     */
    public Vocabulary build() {
      Map<Kind, ImmutableSortedSet<String>> d = new EnumMap<>(Kind.class);
      codes.forEach((k, b) -> d.put(k, b.build()));
      return new Vocabulary(d, prefixes.build());
    }
  }
}
