/**
 * Where the records of a monitored run go: {@link org.spr.fixes.monitor.MonitorOutput} (the terminal table with
 * progress and ETA, {@code timeseries.csv}, {@code spectra.csv} and the PNG plots of the predict hook) and
 * {@link org.spr.fixes.monitor.RecordCsvWriter} (one CSV per hook for the other hooks' records), both flushed per
 * record so that a killed run leaves readable files.
 */
package org.spr.fixes.monitor;
