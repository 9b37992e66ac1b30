/**
 * Reporting helpers shared by training, evaluation and runs: headless XChart PNG plots ({@link org.spr.report.Plots}),
 * atomic file and CSV writing ({@link org.spr.report.AtomicFiles}, {@link org.spr.report.CsvTables}) and a terminal
 * progress bar with ETA ({@link org.spr.report.Progress}).
 */
package org.spr.report;
