package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.internal.SplitMix64;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Where every random number of a simulation comes from. A run has one root seed; each
 * replication and each named stream in it (a mechanism, an event, the initial state) gets its own
 * generator, seeded by mixing the root seed, the replication index and the stream's name. So a
 * mechanism's draws depend only on those three: adding, removing or reordering other mechanisms
 * does not change them, and replication {@code r} sees the same draws at every grid point
 * (common random numbers).
 *
 * <p>The generators are {@link SplittableRandom} (SplitMix64, Steele, Lea and Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014); the seeds are mixed with the
 * SplitMix64 finalizer (Stafford's variant 13), and names are hashed with 64-bit FNV-1a.
 *
 * <pre>{@code
 * long seed = RandomStreams.seed(42, 7, "entry-ladder");   // reproduce one stream of one replication
 * }</pre>
 */
public final class RandomStreams {

  /** The name of the stream the initial state draws from. */
  public static final String INITIAL_STATE = "initial-state";

  private RandomStreams() {}

  /**
   * Returns the seed of a stream.
   *
   * @param root the run's root seed
   * @param replication the replication index
   * @param stream the stream's name (a mechanism's or an event's)
   * @return the seed of that stream's generator
   */
  public static long seed(long root, int replication, String stream) {
    checkNotNull(stream, "stream");
    long h = SplitMix64.mix(root + SplitMix64.GOLDEN);
    h = SplitMix64.mix(h ^ (replication + 1L) * SplitMix64.GOLDEN);
    return SplitMix64.mix(h ^ fnv1a(stream));
  }

  /**
   * Returns the generator of a stream.
   *
   * @param root the run's root seed
   * @param replication the replication index
   * @param stream the stream's name
   * @return a fresh generator
   */
  public static SplittableRandom stream(long root, int replication, String stream) {
    return new SplittableRandom(seed(root, replication, stream));
  }


  private static long fnv1a(String s) {
    long h = 0xCBF29CE484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001B3L;
    }
    return h;
  }
}
