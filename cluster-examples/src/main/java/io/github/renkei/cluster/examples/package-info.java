/**
 * Runnable examples of the Renkei library. {@link io.github.renkei.cluster.examples.FukushimaSummary}
 * is the main job of the README's quick start.
 */
package io.github.renkei.cluster.examples;
