package org.spr.descriptor;

import org.spr.structure.Frame;

/**
 * Bond-angle distribution function (ADF): for every atom i and every pair of distinct neighbours j, k closer
 * than the cutoff (normally the first minimum of g(r)), the angle θ_jik = acos(r_ij·r_ik / |r_ij||r_ik|) is
 * binned over 0–180° and the histogram normalised to unit area. Periodic images are included for any cutoff
 * (see {@link CellList}). Buffers are reused between calls; not thread-safe.
 */
public final class AngularDistribution {

    private final double cutoff;
    private final int bins;
    private final CellList cells = new CellList();
    private double[] neighbourX = new double[64], neighbourY = new double[64], neighbourZ = new double[64], neighbourR = new double[64];

    /**
     * @param cutoff bond cutoff (positive)
     * @param bins   number of angle bins over 0–180° (e.g. 180 for 1° bins)
     */
    public AngularDistribution(double cutoff, int bins) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("ADF cutoff must be a positive number, got " + cutoff);
        }
        if (bins < 1) {
            throw new IllegalArgumentException("ADF bins must be at least 1, got " + bins);
        }
        this.cutoff = cutoff;
        this.bins = bins;
    }

    /** The bond-angle distribution of {@code frame}. */
    public AngleHistogram compute(Frame frame) {
        cells.build(frame, cutoff, 1);
        int na = cells.cellsA, nb = cells.cellsB, nc = cells.cellsC;
        int ra = cells.reachA, rb = cells.reachB, rc = cells.reachC;
        double cutsq = cutoff * cutoff;
        double[] x = cells.x, y = cells.y, z = cells.z;
        int[] start = cells.cellStart;
        long[] histogram = new long[bins];
        double binsPerRadian = bins / Math.PI;
        long triplets = 0;
        for (int cell = 0; cell < cells.cellCount(); cell++) {
            int ia = cell / (nb * nc), ib = (cell / nc) % nb, ic = cell % nc;
            for (int i = start[cell]; i < start[cell + 1]; i++) {
                int neighbours = 0;
                for (int oa = -ra; oa <= ra; oa++) {
                    for (int ob = -rb; ob <= rb; ob++) {
                        for (int oc = -rc; oc <= rc; oc++) {
                            int ja = ia + oa, jb = ib + ob, jc = ic + oc;
                            int sa = Math.floorDiv(ja, na), sb = Math.floorDiv(jb, nb), sc = Math.floorDiv(jc, nc);
                            ja -= sa * na;
                            jb -= sb * nb;
                            jc -= sc * nc;
                            int other = (ja * nb + jb) * nc + jc;
                            double sx = cells.shiftX(sa, sb, sc), sy = cells.shiftY(sb, sc), sz = cells.shiftZ(sc);
                            boolean zeroShift = sa == 0 && sb == 0 && sc == 0;
                            for (int j = start[other]; j < start[other + 1]; j++) {
                                if (j == i && zeroShift) {
                                    continue;
                                }
                                double dx = x[j] + sx - x[i], dy = y[j] + sy - y[i], dz = z[j] + sz - z[i];
                                double rsq = dx * dx + dy * dy + dz * dz;
                                if (rsq < cutsq && rsq > 0) {
                                    if (neighbours == neighbourX.length) {
                                        grow();
                                    }
                                    neighbourX[neighbours] = dx;
                                    neighbourY[neighbours] = dy;
                                    neighbourZ[neighbours] = dz;
                                    neighbourR[neighbours] = Math.sqrt(rsq);
                                    neighbours++;
                                }
                            }
                        }
                    }
                }
                for (int j = 0; j < neighbours; j++) {
                    for (int k = j + 1; k < neighbours; k++) {
                        double cos = (neighbourX[j] * neighbourX[k] + neighbourY[j] * neighbourY[k] + neighbourZ[j] * neighbourZ[k])
                                / (neighbourR[j] * neighbourR[k]);
                        cos = Math.max(-1.0, Math.min(1.0, cos));
                        int bin = (int) (Math.acos(cos) * binsPerRadian);
                        histogram[Math.min(bin, bins - 1)]++;
                        triplets++;
                    }
                }
            }
        }
        double width = 180.0 / bins;
        double[] density = new double[bins];
        if (triplets > 0) {
            for (int k = 0; k < bins; k++) {
                density[k] = histogram[k] / (triplets * width);
            }
        }
        return new AngleHistogram(width, density, triplets);
    }

    private void grow() {
        int n = neighbourX.length * 2;
        neighbourX = java.util.Arrays.copyOf(neighbourX, n);
        neighbourY = java.util.Arrays.copyOf(neighbourY, n);
        neighbourZ = java.util.Arrays.copyOf(neighbourZ, n);
        neighbourR = java.util.Arrays.copyOf(neighbourR, n);
    }
}
