package org.spr.label;

import java.io.Serializable;

/**
 * The labels one finite-difference Hessian gives: the phonon DOS and, when asked for, the Allen–Feldman κ(T).
 *
 * @param phononDos    the PDOS label
 * @param allenFeldman κ(T) and its ingredients, or null when not requested
 * @param thermalSeconds wall-clock seconds of the Allen–Feldman products and sums (0 when not requested)
 */
public record VibrationalLabels(PhononDos phononDos, AllenFeldmanResult allenFeldman, double thermalSeconds)
        implements Serializable {
}
