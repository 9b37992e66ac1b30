package org.spr.label;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Parameters of a Green–Kubo thermal conductivity ({@link GreenKuboConductivity}).
 *
 * <p>Times are counted in MD steps: the heat current J is sampled every {@code sampleInterval} = s steps, its
 * autocorrelation is kept for {@code correlationLength} = p lags (lag times 0, s·Δt, …, (p − 1)·s·Δt) and κ is read
 * off the running integral at lag {@code integrationWindow} = w ≤ p − 1 (τ_w = w·s·Δt). The production run must hold
 * at least ten correlation lengths of samples so that every lag is averaged over many time origins.
 *
 * @param units              LAMMPS units of the structure: "metal" (K, ps, κ in W/(m·K)) or "lj" (ε/k_B, τ, κ in
 *                           k_B/(σ·τ))
 * @param temperature        T in K (metal) or ε/k_B (lj), positive
 * @param timestep           Δt in ps (metal, at most 0.005) or τ (lj), positive
 * @param thermostat         equilibration thermostat: Nosé–Hoover ({@code fix nvt}) or Langevin ({@code fix langevin}
 *                           + {@code fix nve})
 * @param thermostatDamping  thermostat damping time in time units (e.g. 100 Δt), positive
 * @param equilibrationSteps NVT steps at T before the NVE production run, not negative
 * @param productionSteps    NVE steps sampled; a multiple of s·p (so that LAMMPS's {@code fix ave/correlate} cross-check
 *                           covers the same samples)
 * @param sampleInterval     s, steps between samples of J, at least 1
 * @param correlationLength  p, lags kept in the autocorrelation, at least 2
 * @param integrationWindow  w, lag at which κ is reported, 1 ≤ w ≤ p − 1
 * @param directions         averaged Cartesian directions (x, y, z); {true, true, false} for a monolayer in the xy
 *                           plane (in-plane κ)
 * @param monolayerThickness 0 for a bulk cell (volume = box volume); otherwise the conventional thickness t of a monolayer
 *                           in the xy plane, volume = L_x·L_y·t ({@link AllenFeldmanParameters#CARBON_MONOLAYER_THICKNESS}
 *                           = 3.35 Å for carbon)
 * @param stress             per-atom stress compute in the heat current (see {@link StressCompute})
 * @param seeds              one independent run per seed (velocities, Langevin noise), at least one; κ is averaged and
 *                           its standard error given over the seeds
 */
public record GreenKuboParameters(String units, double temperature, double timestep, Thermostat thermostat,
                                  double thermostatDamping, int equilibrationSteps, int productionSteps,
                                  int sampleInterval, int correlationLength, int integrationWindow,
                                  boolean[] directions, double monolayerThickness, StressCompute stress,
                                  long[] seeds) implements Serializable {

    /** Equilibration thermostat. */
    public enum Thermostat { NOSE_HOOVER, LANGEVIN }

    /**
     * Per-atom stress in the heat current J = Σ_i e_i v_i − Σ_i S_i v_i.
     * For pair potentials and EAM (central pair forces) both give the same J. For many-body potentials with angular
     * terms (Tersoff, SW) only the centroid form is exact
     * (Surblys et al., PRE 99, 051301 (2019)); Debian's LAMMPS 29 Sep 2021 refuses it for {@code sw} and
     * {@code tersoff} ("Pair style does not support compute centroid/stress/atom"), so there the ordinary
     * {@code stress/atom} is the only choice and κ is approximate (Fan et al., PRB 92, 094301 (2015)).
     */
    public enum StressCompute {
        /** {@code compute stress/atom NULL virial}: symmetric, 6 components. */
        STRESS_ATOM("stress/atom"),
        /** {@code compute centroid/stress/atom NULL virial}: 9 components, exact for many-body potentials. */
        CENTROID_STRESS_ATOM("centroid/stress/atom");

        private final String style;

        StressCompute(String style) {
            this.style = style;
        }

        /** The LAMMPS compute style. */
        public String style() {
            return style;
        }
    }

    public GreenKuboParameters {
        if (!"metal".equals(units) && !"lj".equals(units)) {
            throw new IllegalArgumentException("Green–Kubo units must be metal or lj, got " + units);
        }
        require(temperature > 0 && Double.isFinite(temperature), "Green–Kubo temperature must be positive, got " + temperature);
        require(timestep > 0 && Double.isFinite(timestep), "Green–Kubo time step must be positive, got " + timestep);
        require(!"metal".equals(units) || timestep <= 0.005,
                "Green–Kubo time step must not exceed 0.005 ps in metal units, got " + timestep);
        require(thermostat != null, "Green–Kubo thermostat must be NOSE_HOOVER or LANGEVIN, got null");
        require(thermostatDamping > 0 && Double.isFinite(thermostatDamping),
                "Green–Kubo thermostat damping must be a positive time, got " + thermostatDamping);
        require(equilibrationSteps >= 0, "Green–Kubo equilibration steps must not be negative, got " + equilibrationSteps);
        require(sampleInterval >= 1, "Green–Kubo sample interval must be at least 1 step, got " + sampleInterval);
        require(correlationLength >= 2, "Green–Kubo correlation length must be at least 2 lags, got " + correlationLength);
        require(integrationWindow >= 1 && integrationWindow <= correlationLength - 1,
                "Green–Kubo integration window must lie in 1…" + (correlationLength - 1) + " lags (correlation length − 1), got "
                        + integrationWindow);
        long block = (long) sampleInterval * correlationLength;
        require(productionSteps > 0 && productionSteps % block == 0,
                "Green–Kubo production steps must be a positive multiple of sample interval × correlation length = "
                        + block + ", got " + productionSteps);
        require(productionSteps / block >= 10, "Green–Kubo production steps must cover at least 10 correlation lengths ("
                + 10 * block + " steps), got " + productionSteps);
        require(directions != null && directions.length == 3 && (directions[0] || directions[1] || directions[2]),
                "Green–Kubo directions must be three flags (x, y, z), at least one set, got " + Arrays.toString(directions));
        require(monolayerThickness >= 0 && Double.isFinite(monolayerThickness),
                "Green–Kubo monolayer thickness must be 0 (bulk) or a positive length, got " + monolayerThickness);
        require(stress != null, "Green–Kubo stress compute must be STRESS_ATOM or CENTROID_STRESS_ATOM, got null");
        require(seeds != null && seeds.length >= 1, "Green–Kubo needs at least one seed");
        for (long seed : seeds) {
            require(seed > 0 && seed < 900_000_000L, "Green–Kubo seeds must lie in 1…899999999 (LAMMPS), got " + seed);
        }
        directions = directions.clone();
        seeds = seeds.clone();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public boolean[] directions() {
        return directions.clone();
    }

    @Override
    public long[] seeds() {
        return seeds.clone();
    }

    /** Number of averaged directions d. */
    public int directionCount() {
        return (directions[0] ? 1 : 0) + (directions[1] ? 1 : 0) + (directions[2] ? 1 : 0);
    }

    /** Whether direction α (0 = x, 1 = y, 2 = z) is averaged. */
    public boolean averages(int alpha) {
        return directions[alpha];
    }

    /** Time between samples, s·Δt. */
    public double sampleTime() {
        return sampleInterval * timestep;
    }

    /** Isotropic bulk κ with Nosé–Hoover equilibration (damping 100 Δt) and the ordinary stress/atom. */
    public static GreenKuboParameters bulk(String units, double temperature, double timestep, int equilibrationSteps,
                                           int productionSteps, int sampleInterval, int correlationLength,
                                           long... seeds) {
        return new GreenKuboParameters(units, temperature, timestep, Thermostat.NOSE_HOOVER, 100 * timestep,
                equilibrationSteps, productionSteps, sampleInterval, correlationLength, correlationLength - 1,
                new boolean[] {true, true, true}, 0.0, StressCompute.STRESS_ATOM, seeds);
    }

    /** The same with another integration window w. */
    public GreenKuboParameters withIntegrationWindow(int window) {
        return new GreenKuboParameters(units, temperature, timestep, thermostat, thermostatDamping, equilibrationSteps,
                productionSteps, sampleInterval, correlationLength, window, directions, monolayerThickness, stress, seeds);
    }

    /** The same with another thermostat and damping time. */
    public GreenKuboParameters withThermostat(Thermostat newThermostat, double damping) {
        return new GreenKuboParameters(units, temperature, timestep, newThermostat, damping, equilibrationSteps,
                productionSteps, sampleInterval, correlationLength, integrationWindow, directions, monolayerThickness,
                stress, seeds);
    }

    /** The same as the in-plane κ of a monolayer in the xy plane with thickness t. */
    public GreenKuboParameters asMonolayer(double thickness) {
        require(thickness > 0 && Double.isFinite(thickness),
                "Green–Kubo monolayer thickness must be a positive length, got " + thickness);
        return new GreenKuboParameters(units, temperature, timestep, thermostat, thermostatDamping, equilibrationSteps,
                productionSteps, sampleInterval, correlationLength, integrationWindow, new boolean[] {true, true, false},
                thickness, stress, seeds);
    }

    /** The same with another stress compute. */
    public GreenKuboParameters withStress(StressCompute newStress) {
        return new GreenKuboParameters(units, temperature, timestep, thermostat, thermostatDamping, equilibrationSteps,
                productionSteps, sampleInterval, correlationLength, integrationWindow, directions, monolayerThickness,
                newStress, seeds);
    }
}
