package io.github.renkei.cluster.io;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.dynamics.RegionProfile;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.region.Prefecture;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The regions shipped with the library, each a cluster, a profile and observed series, so that a
 * user can run one as it is or export it as a start for their own region
 * ({@code renkei sample NAME}).
 *
 * <pre>{@code
 * Regions.names();                                   // [fukushima, ...]
 * RegionProfile profile = Regions.profile("fukushima");
 * ClusterWorld world = profile.world(Regions.cluster("fukushima"));
 * List<Observation> observed = Regions.observed("fukushima");
 * }</pre>
 *
 * <p>A region is a folder of resources, {@code io/github/renkei/cluster/io/regions/NAME/}, named
 * after its prefecture in lower case ({@code shizuoka}), holding {@code cluster.json}
 * ({@link ClusterJson}), {@code profile.json} ({@link ProfileJson}) and {@code observed.tsv}
 * (the {@link Observation} format): adding a region is adding those three files. Fukushima's
 * cluster and observations are the core library's ({@link FukushimaSample#cluster()},
 * {@link Observation#fukushima()}); its folder holds the profile only. Every call reads the
 * resources anew; the methods are thread-safe.
 */
public final class Regions {

  private static final String FOLDER = "regions/";
  private static final String FUKUSHIMA = "fukushima";

  private Regions() {}

  /**
   * Returns the names of the shipped regions.
   *
   * @return the names, in the order of the prefectures' JIS codes
   */
  public static ImmutableList<String> names() {
    ImmutableList.Builder<String> names = ImmutableList.builder();
    for (Prefecture p : Prefecture.values()) {
      String name = p.name().toLowerCase(Locale.ROOT);
      if (Regions.class.getResource(FOLDER + name + "/profile.json") != null) {
        names.add(name);
      }
    }
    return names.build();
  }

  /**
   * Returns a shipped region's cluster.
   *
   * @param name one of {@link #names()}
   * @return the cluster
   * @throws IllegalArgumentException naming the region and the known ones if it is not shipped
   */
  public static Cluster cluster(String name) {
    known(name);
    if (name.equals(FUKUSHIMA)) {
      return FukushimaSample.cluster();
    }
    return resource(name, "cluster.json", (file, in) -> ClusterJson.fromJson(file, in));
  }

  /**
   * Returns a shipped region's profile.
   *
   * @param name one of {@link #names()}
   * @return the profile
   * @throws IllegalArgumentException naming the region and the known ones if it is not shipped
   */
  public static RegionProfile profile(String name) {
    known(name);
    return resource(name, "profile.json", ProfileJson::read);
  }

  /**
   * Returns a shipped region's observed series.
   *
   * @param name one of {@link #names()}
   * @return the observations, in file order
   * @throws IllegalArgumentException naming the region and the known ones if it is not shipped
   */
  public static ImmutableList<Observation> observed(String name) {
    known(name);
    if (name.equals(FUKUSHIMA)) {
      return Observation.fukushima();
    }
    return resource(name, "observed.tsv", Observation::read);
  }

  private static void known(String name) {
    requireNonNull(name, "name");
    ImmutableList<String> names = names();
    if (!names.contains(name)) {
      throw new IllegalArgumentException("unknown region '" + name + "'" + Nearest.suggestion(name, names)
          + "; the shipped regions: " + String.join(", ", names));
    }
  }

  /** What reads a resource: its name for messages and its text. */
  private interface Read<T> {
    T read(String file, Reader in);
  }

  private static <T> T resource(String name, String file, Read<T> read) {
    String path = FOLDER + name + "/" + file;
    InputStream bytes = Regions.class.getResourceAsStream(path);
    if (bytes == null) {
      throw new IllegalStateException("region '" + name + "' is shipped without " + file + " (resource " + path + ")");
    }
    try (Reader in = new Utf8Input(path, bytes)) {
      return read.read(path, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + path + " (" + e + ")", e);
    }
  }
}
