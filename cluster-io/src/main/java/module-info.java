/**
 * Renkei's files: the CSV sink that streams an experiment's rows to disk and the JSON run
 * manifest that says what the run was (seed, parameters, library and Java version, start and end
 * time, thread count), and a whole cluster as JSON or as a folder of CSV files. Every file is written atomically: to a temporary file in the same
 * directory, forced to disk and then renamed, so a crash never leaves a half-written file under
 * the final name. A {@code RunFolder} makes a run of several files atomic as a whole.
 *
 * <p>The manifest and the cluster document are built as Jackson trees; nothing is bound by reflection, so the module opens
 * no package.
 */
module io.github.renkei.cluster.io {
  requires transitive io.github.renkei.cluster;
  requires org.apache.commons.csv;
  requires com.fasterxml.jackson.databind;

  exports io.github.renkei.cluster.io;
}
