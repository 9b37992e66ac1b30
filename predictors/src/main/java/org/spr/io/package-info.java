/**
 * Readers of atomic structures, streaming frame by frame ({@link org.spr.io.FrameReader}): LAMMPS text dumps
 * (plain or gzip), LAMMPS data files, extended XYZ and VASP POSCAR/CONTCAR, chosen by
 * {@link org.spr.io.StructureFormat#detect}; and experimental pair distribution functions in PDFgetX3/PDFgui
 * {@code .gr} files ({@link org.spr.io.ExperimentalPdf}); the total electronic DOS of a VASP DOSCAR
 * ({@link org.spr.io.VaspDoscarReader}, {@link org.spr.io.DoscarDensityOfStates}). Malformed input raises an
 * {@link org.spr.io.InputFormatException} naming the file and line.
 */
package org.spr.io;
