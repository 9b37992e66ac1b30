/**
 * The one dataset format: an append-only CSV (one row per structure: id, system, protocol, seed, atoms,
 * energy_per_atom, {@code param:*} protocol parameters, {@code g_<r>} g(r) bins, {@code y_<x>} spectrum bins,
 * {@code s_<name>} scalar labels) with a JSON sidecar ({@link org.spr.dataset.DatasetMetadata}) describing grids, units and provenance.
 * {@link org.spr.dataset.DatasetWriter} writes it (flushed per row, resumable), {@link org.spr.dataset.Dataset} reads it,
 * {@link org.spr.dataset.DatasetSplit} splits it deterministically and {@link org.spr.dataset.DatasetMerger} merges shards.
 * {@link org.spr.dataset.LabelManifest} reads a table of labels computed elsewhere (DFT) and
 * {@link org.spr.dataset.DatasetImporter} makes a dataset of it ({@code spr import}).
 */
package org.spr.dataset;
