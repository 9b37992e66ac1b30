package org.spr.label;

import java.io.Serializable;

/**
 * Green–Kubo thermal conductivity and its ingredients, averaged over the seeds and the chosen directions.
 *
 * @param conductivity           κ(τ_w) at the integration window, mean over seeds (W/(m·K) in metal units, k_B/(σ·τ)
 *                               in lj units)
 * @param standardError          standard error of that mean over the seeds, s/√n (NaN for one seed)
 * @param perSeed                κ(τ_w) of each seed
 * @param perDirection           κ(τ_w) along x, y, z, mean over seeds (NaN for a direction not averaged)
 * @param lagTimes               τ_k = k·s·Δt, k = 0…p − 1 (ps or τ)
 * @param autocorrelation        normalised heat-current autocorrelation ⟨J(0)J(τ_k)⟩/⟨J(0)J(0)⟩, averaged over
 *                               directions and seeds (1 at τ = 0)
 * @param runningConductivity    κ(τ_k), the running integral (trapezoid) up to each lag, averaged over directions and
 *                               seeds: plot it to see the plateau
 * @param lammpsFullIntegral     the same κ(τ_{p−1}) from LAMMPS's {@code fix ave/correlate} on the same samples
 *                               ({@code trap()} of its correlation columns), mean over seeds: a check of the Java integral
 * @param meanTemperature        mean temperature over the NVE production samples, mean over seeds
 * @param volume                 V in κ = V/(k_B T²) ∫⟨J J⟩ dt (Å³ or σ³; L_x·L_y·t for a monolayer)
 * @param atoms                  number of atoms
 * @param unit                   unit of κ
 * @param parameters             what was used
 */
public record GreenKuboResult(double conductivity, double standardError, double[] perSeed, double[] perDirection,
                              double[] lagTimes, double[] autocorrelation, double[] runningConductivity,
                              double lammpsFullIntegral, double meanTemperature, double volume, long atoms, String unit,
                              GreenKuboParameters parameters) implements Serializable {
}
