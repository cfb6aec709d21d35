/**
 * Pictures of Renkei's results as an API: projection charts with observed points, events and
 * labelled bands, forest plots of paired policy effects, the map of Japan with the support
 * organizations and per-prefecture choropleths, and a self-contained HTML report that opens
 * offline. The main job ({@code renkei fukushima}) draws its output with exactly these classes,
 * so a library user gets the same pictures from their own experiments.
 */
package io.github.renkei.cluster.report;
