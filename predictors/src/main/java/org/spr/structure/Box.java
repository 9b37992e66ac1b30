package org.spr.structure;

/**
 * A simulation cell in the LAMMPS convention: lower corner (xlo, ylo, zlo), edge lengths lx, ly, lz and tilt
 * factors xy, xz, yz. The cell vectors are the rows of the upper-triangular matrix
 * <pre>
 *   a = (lx, 0, 0)
 *   b = (xy, ly, 0)
 *   c = (xz, yz, lz)
 * </pre>
 * so a Cartesian position is r = lo + s_a a + s_b b + s_c c for fractional coordinates s in [0, 1).
 * An orthogonal box has all tilts zero. Each axis is periodic or not.
 *
 * @param xlo lower x corner
 * @param ylo lower y corner
 * @param zlo lower z corner
 * @param lx  edge length along x (xhi − xlo), positive
 * @param ly  edge length along y, positive
 * @param lz  edge length along z, positive
 * @param xy  tilt of b along x
 * @param xz  tilt of c along x
 * @param yz  tilt of c along y
 * @param periodicX periodic along a
 * @param periodicY periodic along b
 * @param periodicZ periodic along c
 */
public record Box(double xlo, double ylo, double zlo, double lx, double ly, double lz,
                  double xy, double xz, double yz,
                  boolean periodicX, boolean periodicY, boolean periodicZ) {

    public Box {
        if (!(lx > 0) || !(ly > 0) || !(lz > 0) || !Double.isFinite(lx) || !Double.isFinite(ly) || !Double.isFinite(lz)) {
            throw new IllegalArgumentException("box edge lengths must be positive and finite, got lx=" + lx + " ly=" + ly + " lz=" + lz);
        }
        if (!Double.isFinite(xy) || !Double.isFinite(xz) || !Double.isFinite(yz)
                || !Double.isFinite(xlo) || !Double.isFinite(ylo) || !Double.isFinite(zlo)) {
            throw new IllegalArgumentException("box corner and tilt factors must be finite");
        }
    }

    /** A fully periodic orthogonal box [0, lx) × [0, ly) × [0, lz). */
    public static Box orthogonal(double lx, double ly, double lz) {
        return new Box(0, 0, 0, lx, ly, lz, 0, 0, 0, true, true, true);
    }

    /** A fully periodic triclinic box with lower corner at the origin. */
    public static Box triclinic(double lx, double ly, double lz, double xy, double xz, double yz) {
        return new Box(0, 0, 0, lx, ly, lz, xy, xz, yz, true, true, true);
    }

    /**
     * The LAMMPS cell for three arbitrary cell vectors (rows of {@code vectors}, a right-handed set), i.e. the
     * rotation that puts a along x and b in the xy plane: lx = |a|, xy = b·â, ly = √(|b|² − xy²), xz = c·â,
     * yz = (b·c − xy·xz)/ly, lz = √(|c|² − xz² − yz²). Lower corner at the origin, fully periodic.
     */
    public static Box fromCellVectors(double[][] vectors) {
        double[] a = vectors[0], b = vectors[1], c = vectors[2];
        double lx = Math.sqrt(dot(a, a));
        double xy = dot(b, a) / lx;
        double ly = Math.sqrt(Math.max(0, dot(b, b) - xy * xy));
        double xz = dot(c, a) / lx;
        double yz = (dot(b, c) - xy * xz) / ly;
        double lz = Math.sqrt(Math.max(0, dot(c, c) - xz * xz - yz * yz));
        return new Box(0, 0, 0, lx, ly, lz, xy, xz, yz, true, true, true);
    }

    private static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    /** A copy with other periodicity flags. */
    public Box withPeriodicity(boolean x, boolean y, boolean z) {
        return new Box(xlo, ylo, zlo, lx, ly, lz, xy, xz, yz, x, y, z);
    }

    /** True when any tilt factor is non-zero. */
    public boolean isTriclinic() {
        return xy != 0 || xz != 0 || yz != 0;
    }

    /** Volume V = lx·ly·lz. */
    public double volume() {
        return lx * ly * lz;
    }

    /** In-plane (xy) area A = lx·ly, the 2D normalisation area of a monolayer whatever the vacuum along z. */
    public double area() {
        return lx * ly;
    }

    /** Upper x corner xhi = xlo + lx. */
    public double xhi() {
        return xlo + lx;
    }

    /** Upper y corner yhi = ylo + ly. */
    public double yhi() {
        return ylo + ly;
    }

    /** Upper z corner zhi = zlo + lz. */
    public double zhi() {
        return zlo + lz;
    }

    /** True for axis 0, 1, 2 (a, b, c) when that axis is periodic. */
    public boolean periodic(int axis) {
        return switch (axis) {
            case 0 -> periodicX;
            case 1 -> periodicY;
            case 2 -> periodicZ;
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        };
    }

    /**
     * Distance between the two faces of the cell that are crossed by axis {@code axis}, i.e. V / |u × v| for the
     * other two cell vectors u, v. A sphere of radius r fits between the faces when 2r ≤ this width.
     */
    public double perpendicularWidth(int axis) {
        return switch (axis) {
            case 0 -> volume() / Math.sqrt(sq(ly * lz) + sq(xy * lz) + sq(xy * yz - ly * xz));
            case 1 -> ly * lz / Math.sqrt(lz * lz + yz * yz);
            case 2 -> lz;
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        };
    }

    private static double sq(double v) {
        return v * v;
    }

    /**
     * Fractional coordinates of the Cartesian point at {@code cartesian[offset..offset+2]}, written to
     * {@code out[outOffset..outOffset+2]}: s_c = (z − zlo)/lz, s_b = (y − ylo − yz s_c)/ly,
     * s_a = (x − xlo − xy s_b − xz s_c)/lx.
     */
    public void toFractional(double[] cartesian, int offset, double[] out, int outOffset) {
        double sc = (cartesian[offset + 2] - zlo) / lz;
        double sb = (cartesian[offset + 1] - ylo - yz * sc) / ly;
        double sa = (cartesian[offset] - xlo - xy * sb - xz * sc) / lx;
        out[outOffset] = sa;
        out[outOffset + 1] = sb;
        out[outOffset + 2] = sc;
    }

    /**
     * Cartesian coordinates of the fractional point at {@code fractional[offset..offset+2]}:
     * x = xlo + lx s_a + xy s_b + xz s_c, y = ylo + ly s_b + yz s_c, z = zlo + lz s_c (LAMMPS {@code lamda2x}).
     */
    public void toCartesian(double[] fractional, int offset, double[] out, int outOffset) {
        double sa = fractional[offset], sb = fractional[offset + 1], sc = fractional[offset + 2];
        out[outOffset] = lx * sa + xy * sb + xz * sc + xlo;
        out[outOffset + 1] = ly * sb + yz * sc + ylo;
        out[outOffset + 2] = lz * sc + zlo;
    }

    /**
     * Minimum-image convention applied in place to the separation vector {@code delta[offset..offset+2]}: along
     * each periodic axis the fractional component is shifted by a whole number into [−½, ½]. Exact for
     * orthogonal boxes; for strongly tilted cells the result is the nearest image in fractional coordinates.
     */
    public void minimumImage(double[] delta, int offset) {
        double dx = delta[offset], dy = delta[offset + 1], dz = delta[offset + 2];
        if (periodicZ) {
            double n = Math.rint(dz / lz);
            dz -= n * lz;
            dy -= n * yz;
            dx -= n * xz;
        }
        if (periodicY) {
            double n = Math.rint(dy / ly);
            dy -= n * ly;
            dx -= n * xy;
        }
        if (periodicX) {
            double n = Math.rint(dx / lx);
            dx -= n * lx;
        }
        delta[offset] = dx;
        delta[offset + 1] = dy;
        delta[offset + 2] = dz;
    }

    /**
     * Wraps the Cartesian point at {@code positions[offset..offset+2]} into the cell along every periodic axis,
     * in place, by adding whole cell vectors. A point already inside is left bit-for-bit unchanged.
     */
    public void wrap(double[] positions, int offset) {
        double x = positions[offset], y = positions[offset + 1], z = positions[offset + 2];
        if (periodicZ) {
            double n = Math.floor((z - zlo) / lz);
            if (n != 0) {
                z -= n * lz;
                y -= n * yz;
                x -= n * xz;
            }
        }
        if (periodicY) {
            double sc = (z - zlo) / lz;
            double n = Math.floor((y - ylo - yz * sc) / ly);
            if (n != 0) {
                y -= n * ly;
                x -= n * xy;
            }
        }
        if (periodicX) {
            double sc = (z - zlo) / lz;
            double sb = (y - ylo - yz * sc) / ly;
            double n = Math.floor((x - xlo - xy * sb - xz * sc) / lx);
            if (n != 0) {
                x -= n * lx;
            }
        }
        positions[offset] = x;
        positions[offset + 1] = y;
        positions[offset + 2] = z;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Box[lo=(%g, %g, %g) l=(%g, %g, %g) tilt=(%g, %g, %g) periodic=%s%s%s]",
                xlo, ylo, zlo, lx, ly, lz, xy, xz, yz, periodicX ? "p" : "f", periodicY ? "p" : "f", periodicZ ? "p" : "f");
    }
}
