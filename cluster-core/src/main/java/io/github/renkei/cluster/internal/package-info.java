/**
 * Helpers shared by the library's packages. Not exported from the module and not API: it may
 * change in any release.
 */
package io.github.renkei.cluster.internal;
