package org.spr.descriptor;

import java.util.Locale;
import org.spr.structure.Box;
import org.spr.structure.Frame;

/**
 * What a g(r) of one frame costs, estimated before computing it, so that a request such as {@code --rmax 20000} on a
 * 10σ box is stated (and refused unless forced) instead of running for days or until the heap is gone.
 *
 * <p>Pairs within r_max: N ρ V(r_max) / 2 with V = 4π r³/3 (3D) or π r² (2D, ρ per area). Ghost atoms (periodic
 * images within r_max of the box): ρ ∏(L_i + 2 r_max) over the periodic directions (times L_i otherwise), minus N;
 * each costs about {@link #BYTES_PER_GHOST} bytes.
 *
 * @param pairs       atom pairs within r_max per frame
 * @param ghostAtoms  periodic images the cell grid holds
 * @param ghostBytes  memory of those images
 */
public record RdfCost(double pairs, double ghostAtoms, double ghostBytes) {

    /** Position (3 doubles), type and index of one ghost atom. */
    public static final int BYTES_PER_GHOST = 32;

    /** Pairs per frame above which a request needs to be forced (about a minute per frame on one core). */
    public static final double PAIRS_LIMIT = 2e9;

    /** The estimate for {@code frame} and {@code rMax}. */
    public static RdfCost of(Frame frame, double rMax) {
        Box box = frame.box();
        int n = frame.atomCount();
        boolean plane = frame.dimension() == 2;
        double measure = plane ? box.lx() * box.ly() : box.lx() * box.ly() * box.lz();
        double density = n / measure;
        double shell = plane ? Math.PI * rMax * rMax : 4.0 / 3.0 * Math.PI * rMax * rMax * rMax;
        double pairs = 0.5 * n * density * shell;
        double extended = (box.periodicX() ? box.lx() + 2 * rMax : box.lx()) * (box.periodicY() ? box.ly() + 2 * rMax : box.ly());
        if (!plane) {
            extended *= box.periodicZ() ? box.lz() + 2 * rMax : box.lz();
        }
        double ghosts = Math.max(0, density * extended - n);
        return new RdfCost(pairs, ghosts, ghosts * BYTES_PER_GHOST);
    }

    /** True when the request needs {@code --force}: too many pairs, or ghosts that would not fit in the heap. */
    public boolean excessive(long maxHeapBytes) {
        return pairs > PAIRS_LIMIT || ghostBytes > 0.5 * maxHeapBytes;
    }

    /** E.g. "about 3.5e+16 atom pairs per frame and 5.4e+13 periodic images (1.7e+06 GB)". */
    public String describe() {
        return String.format(Locale.ROOT, "about %.2g atom pairs per frame and %.2g periodic images (%.2g GB)", pairs, ghostAtoms,
                ghostBytes / 1e9);
    }
}
