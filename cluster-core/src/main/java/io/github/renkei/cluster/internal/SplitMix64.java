package io.github.renkei.cluster.internal;

/**
 * The SplitMix64 finalizer (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014), with which seeds are derived from a root seed and indices so that
 * every stream is independent of thread order. Not API.
 */
public final class SplitMix64 {

  /** The 64-bit golden ratio, the generator's increment. */
  public static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private SplitMix64() {}

  /**
   * Mixes 64 bits.
   *
   * @param z the input
   * @return the mixed value
   */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
