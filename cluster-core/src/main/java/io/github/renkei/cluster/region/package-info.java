/**
 * Japan's 47 prefectures with JIS codes, names and the coordinates of their prefectural
 * offices; the region blocks of the medical–engineering support network and the standard
 * eight-region division; great-circle distance.
 *
 * <pre>{@code
 * Prefecture.FUKUSHIMA.block();                        // HOKKAIDO_TOHOKU
 * Prefecture.SHIZUOKA.block();                         // KANTO (the METI bureau convention)
 * Prefecture.SHIZUOKA.standardRegion();                // CHUBU
 * Prefecture.of("福島").distanceKm(Prefecture.TOKYO);  // about 240 km
 * }</pre>
 */
package io.github.renkei.cluster.region;
