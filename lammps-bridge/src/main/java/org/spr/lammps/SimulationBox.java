package org.spr.lammps;

/**
 * The simulation box as LAMMPS describes it: lower and upper corners of the (orthogonal) bounding
 * parallelepiped before tilt, tilt factors xy, xz, yz (zero for an orthogonal box) and periodicity per axis.
 * Edge vectors: a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz).
 */
public record SimulationBox(double xlo, double ylo, double zlo, double xhi, double yhi, double zhi,
                            double xy, double xz, double yz, boolean periodicX, boolean periodicY, boolean periodicZ,
                            boolean triclinic) implements java.io.Serializable {

    public double lx() {
        return xhi - xlo;
    }

    public double ly() {
        return yhi - ylo;
    }

    public double lz() {
        return zhi - zlo;
    }

    /** Volume lx·ly·lz (tilt does not change it). */
    public double volume() {
        return lx() * ly() * lz();
    }
}
