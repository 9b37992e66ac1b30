/**
 * Readers of atomic structures, streaming frame by frame ({@link org.spr.io.FrameReader}): LAMMPS text dumps
 * (plain or gzip), LAMMPS data files, extended XYZ and VASP POSCAR/CONTCAR, chosen by
 * {@link org.spr.io.StructureFormat#detect}; and experimental pair distribution functions in PDFgetX3/PDFgui
 * {@code .gr} files ({@link org.spr.io.ExperimentalPdf}); the total electronic DOS of a VASP DOSCAR
 * ({@link org.spr.io.VaspDoscarReader}, {@link org.spr.io.DoscarDensityOfStates}). Malformed input raises an
 * {@link org.spr.io.InputFormatException} naming the file and line.
 *
 * <p>The g(r) inputs of a model ({@code spr predict}, {@code spr analyze}): {@link org.spr.io.GrInputReader} is the
 * extension interface (a reader that turns a file into {@link org.spr.io.GrInput}s on a model's grid), implemented by
 * {@link org.spr.io.StructureGrReader} (g(r) of structure frames, chosen by {@link org.spr.io.FrameSelection}),
 * {@link org.spr.io.GrCsvReader} (a tabulated g(r)) and {@link org.spr.io.ExperimentalPdfGrReader} (G(r) → g(r)).
 */
package org.spr.io;
