/**
 * Files of the simulation engine: {@link io.github.renkei.cluster.io.CsvSink} writes an
 * experiment's rows as CSV, {@link io.github.renkei.cluster.io.RunManifest} records what the run
 * was as JSON, {@link io.github.renkei.cluster.io.ClusterJson} and
 * {@link io.github.renkei.cluster.io.ClusterCsv} store a whole cluster (one JSON document, or a
 * folder of four CSV files; schema in {@code cluster-io/CLUSTER-FORMAT.md}),
 * {@link io.github.renkei.cluster.io.ProfileJson} stores a region's profile (its events, program
 * terms and coefficients) and {@link io.github.renkei.cluster.io.Regions} gives the shipped
 * regions, and {@link io.github.renkei.cluster.io.AtomicFiles} writes any file so that it appears
 * under its name complete or not at all.
 *
 * <pre>{@code
 * Path out = Path.of("results");
 * try (RunFolder run = RunFolder.begin(out)) {      // the whole folder, or nothing of this run
 *   Experiment.of(baseline, withCouncil)
 *       .grid(Grid.of(ROTATION, 2, 3, 5))
 *       .replications(200)
 *       .seed(42)
 *       .sink(CsvSink.to(run.resolve("rows.csv")))
 *       .sink(RunManifest.sink(run.resolve("manifest.json")))
 *       .run();
 *   run.commit();
 * }
 *
 * List<ResultRow> rows = CsvSink.read(out.resolve("rows.csv"), List.of(ROTATION));
 * RunManifest manifest = RunManifest.read(out.resolve("manifest.json"));
 *
 * ClusterJson.write(FukushimaSample.cluster(), out.resolve("cluster.json"));
 * Cluster cluster = ClusterJson.read(out.resolve("cluster.json"));
 * }</pre>
 *
 * <h2>Atomic files and run folders</h2>
 * Every file of this package is first written to a temporary file next to its final name (a
 * hidden {@code .NAME.renkei-PID-N.tmp}), forced to the storage device, and then renamed onto the
 * final name in one atomic step where the file system supports it. A reader therefore sees
 * either the previous file or the complete new one; a crash leaves at most a stray temporary
 * file, which the next write of the same file deletes once its process is gone. A run of several
 * files is made atomic by {@link io.github.renkei.cluster.io.RunFolder}: the files go to a
 * staging folder that replaces the run's folder as a whole when the run is complete.
 *
 * <h2>Errors</h2>
 * A null argument throws {@link java.lang.NullPointerException} naming it; a file that cannot be
 * written or read throws {@link java.io.UncheckedIOException} naming the file (or the directory
 * that does not exist); a file whose content is not what the reader expects throws
 * {@link java.lang.IllegalArgumentException} naming the file and the place (for cluster files a
 * {@link io.github.renkei.cluster.io.ClusterFormatException} with the line, column and id).
 */
package io.github.renkei.cluster.io;
