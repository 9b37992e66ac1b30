package org.spr.label;

import org.spr.lammps.EngineTask;
import org.spr.lammps.Lammps;
import org.spr.lammps.LammpsException;
import org.spr.lammps.RecordSink;
import org.spr.lammps.SimulationBox;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Green–Kubo thermal conductivity of the structure currently in LAMMPS (atoms, box and potential defined; atom IDs
 * 1…N with {@code atom_modify map array}), as an engine task: run it through the isolated engine for user input.
 *
 * <pre>
 *   heat current     J = (1/V) [ Σ_i e_i v_i − Σ_i S_i v_i ]      (LAMMPS compute heat/flux gives V·J)
 *   autocorrelation  C_α(τ_k) = ⟨(V J_α)(0) (V J_α)(τ_k)⟩ = 1/(M − k) Σ_{t=0}^{M−1−k} VJ_α(t) VJ_α(t + k)
 *   running integral κ_α(τ_k) = 1/(V k_B T²) · sΔt · [C_α(0)/2 + C_α(1) + … + C_α(k−1) + C_α(k)/2]
 *   conductivity     κ = (1/d) Σ_{α∈dirs} κ_α(τ_w)
 * </pre>
 *
 * with e_i = kinetic + potential energy of atom i ({@code compute ke/atom}, {@code pe/atom}), S_i its per-atom virial
 * stress ({@code compute stress/atom NULL virial} or {@code centroid/stress/atom NULL virial}, see
 * {@link GreenKuboParameters.StressCompute}), M the number of samples taken every s steps, T the set temperature and V
 * the box volume (L_x·L_y·t for a monolayer of thickness t; the area L_x·L_y for a LAMMPS {@code dimension 2} system
 * with t = 0). Metal units: k_B = 8.617333262×10⁻⁵ eV/K and 1 eV/(ps·Å·K) = 1602.176634 W/(m·K).
 *
 * <p>Per seed: the starting positions are restored, velocities drawn at T ({@code velocity create}, zero momentum),
 * {@code equilibrationSteps} with the thermostat (Nosé–Hoover {@code fix nvt}, or {@code fix langevin} + {@code fix nve}),
 * velocities rescaled to exactly T, then {@code productionSteps} of NVE. J is sampled every s steps by
 * {@code fix ave/time} into a temporary file and correlated here in Java (all time origins, the samples at steps 0, s,
 * 2s, … of the NVE run, as LAMMPS's own correlator takes them; values written with 17 digits); on the same run {@code fix ave/correlate … type auto ave running} integrates
 * the same autocorrelation inside LAMMPS, and its {@code trap()} integral is returned as a check. The correlation is
 * done in Java so that the whole running integral κ(τ) (to see the plateau), other windows and the per-seed spread come
 * out of one run. The positions are restored at the end; the velocities are those of the last production run.
 *
 * @param parameters what to run
 */
public record GreenKuboConductivity(GreenKuboParameters parameters) implements EngineTask<GreenKuboResult> {

    /** k_B in eV/K. */
    public static final double BOLTZMANN_EV = 8.617333262e-5;
    /** 1 eV/(ps·Å·K) in W/(m·K). */
    public static final double METAL_TO_SI = 1.602176634e-19 / (1e-12 * 1e-10);

    /** Progress: seed {@code index} (0-based) of {@code seeds} has finished with κ(τ_w). */
    public record Progress(int index, int seeds, double conductivity) implements Serializable {
    }

    public GreenKuboConductivity {
        if (parameters == null) {
            throw new IllegalArgumentException("Green–Kubo needs parameters");
        }
    }

    @Override
    public GreenKuboResult run(Lammps lammps, RecordSink sink) throws IOException {
        GreenKuboParameters p = parameters;
        checkUnits(lammps);
        long atoms = lammps.natoms();
        if (atoms < 2) {
            throw new IllegalArgumentException("Green–Kubo needs a structure with at least 2 atoms in LAMMPS, got " + atoms);
        }
        int dimension = lammps.setting("dimension");
        if (dimension == 2 && p.averages(2)) {
            throw new IllegalArgumentException("Green–Kubo directions must not include z for a LAMMPS dimension 2 system");
        }
        double volume = volume(lammps.box(), dimension);
        double[] start = lammps.gatherPositions();
        lammps.commands(String.join("\n",
                "compute spr_gk_ke all ke/atom",
                "compute spr_gk_pe all pe/atom",
                "compute spr_gk_stress all " + p.stress().style() + " NULL virial",
                "compute spr_gk_flux all heat/flux spr_gk_ke spr_gk_pe spr_gk_stress",
                ""));
        int lags = p.correlationLength();
        int seeds = p.seeds().length;
        double factor = p.sampleTime() / (boltzmann() * p.temperature() * p.temperature() * volume) * toOutputUnit();
        double[] perSeed = new double[seeds];
        double[] perDirection = new double[3];
        double[] correlationSum = new double[lags];
        double[] running = new double[lags];
        double lammpsSum = 0;
        double temperatureSum = 0;
        Path samples = Files.createTempFile("spr-gk", ".flux");
        try {
            for (int k = 0; k < seeds; k++) {
                long seed = p.seeds()[k];
                lammps.scatterPositions(start);
                lammps.command(String.format(Locale.ROOT, "velocity all create %.10g %d mom yes rot no dist gaussian",
                        p.temperature(), seed));
                equilibrate(lammps, seed);
                lammps.command(String.format(Locale.ROOT, "velocity all scale %.10g", p.temperature()));
                lammps.command("reset_timestep 0");
                lammps.command(String.format(Locale.ROOT, "timestep %.10g", p.timestep()));
                int s = p.sampleInterval();
                lammps.commands(String.join("\n",
                        "fix spr_gk_nve all nve",
                        String.format(Locale.ROOT, "fix spr_gk_samples all ave/time %d 1 %d c_spr_gk_flux[1] "
                                + "c_spr_gk_flux[2] c_spr_gk_flux[3] c_thermo_temp file %s format \" %%.17g\"", s, s, samples),
                        String.format(Locale.ROOT, "fix spr_gk_corr all ave/correlate %d %d %d c_spr_gk_flux[1] "
                                + "c_spr_gk_flux[2] c_spr_gk_flux[3] type auto ave running", s, lags, s * lags),
                        "run " + p.productionSteps(),
                        ""));
                double lammpsTrap = 0;
                for (int alpha = 0; alpha < 3; alpha++) {
                    if (p.averages(alpha)) {
                        lammps.command(String.format(Locale.ROOT, "variable spr_gk_trap equal trap(f_spr_gk_corr[%d])",
                                alpha + 3));
                        lammpsTrap += lammps.variable("spr_gk_trap");
                    }
                }
                lammps.commands("variable spr_gk_trap delete\nunfix spr_gk_corr\nunfix spr_gk_samples\nunfix spr_gk_nve\n");
                lammpsSum += factor * lammpsTrap / p.directionCount();
                Series series = Series.read(samples);
                temperatureSum += series.meanTemperature();
                double kappa = 0;
                double[] directionSum = new double[lags];
                double zeroSum = 0;
                for (int alpha = 0; alpha < 3; alpha++) {
                    if (!p.averages(alpha)) {
                        continue;
                    }
                    double[] c = autocorrelation(series.flux(alpha), lags);
                    double[] integral = runningIntegral(c, factor);
                    kappa += integral[p.integrationWindow()] / p.directionCount();
                    perDirection[alpha] += integral[p.integrationWindow()] / seeds;
                    for (int lag = 0; lag < lags; lag++) {
                        running[lag] += integral[lag] / (p.directionCount() * seeds);
                        directionSum[lag] += c[lag];
                    }
                    zeroSum += c[0];
                }
                for (int lag = 0; lag < lags; lag++) {
                    correlationSum[lag] += directionSum[lag] / zeroSum / seeds;
                }
                perSeed[k] = kappa;
                sink.emit(new Progress(k, seeds, kappa));
            }
        } finally {
            Files.deleteIfExists(samples);
        }
        lammps.commands("uncompute spr_gk_flux\nuncompute spr_gk_stress\nuncompute spr_gk_pe\nuncompute spr_gk_ke\n");
        lammps.scatterPositions(start);
        for (int alpha = 0; alpha < 3; alpha++) {
            if (!p.averages(alpha)) {
                perDirection[alpha] = Double.NaN;
            }
        }
        double mean = 0;
        for (double value : perSeed) {
            mean += value / seeds;
        }
        double error = Double.NaN;
        if (seeds > 1) {
            double squares = 0;
            for (double value : perSeed) {
                squares += (value - mean) * (value - mean);
            }
            error = Math.sqrt(squares / (seeds - 1) / seeds);
        }
        double[] lagTimes = new double[lags];
        for (int lag = 0; lag < lags; lag++) {
            lagTimes[lag] = lag * p.sampleTime();
        }
        return new GreenKuboResult(mean, error, perSeed, perDirection, lagTimes, correlationSum, running,
                lammpsSum / seeds, temperatureSum / seeds, volume, atoms, unit(), p);
    }

    private void equilibrate(Lammps lammps, long seed) {
        GreenKuboParameters p = parameters;
        if (p.equilibrationSteps() == 0) {
            return;
        }
        lammps.command(String.format(Locale.ROOT, "timestep %.10g", p.timestep()));
        if (p.thermostat() == GreenKuboParameters.Thermostat.NOSE_HOOVER) {
            lammps.command(String.format(Locale.ROOT, "fix spr_gk_nvt all nvt temp %.10g %.10g %.10g",
                    p.temperature(), p.temperature(), p.thermostatDamping()));
            lammps.command("run " + p.equilibrationSteps());
            lammps.command("unfix spr_gk_nvt");
        } else {
            lammps.command(String.format(Locale.ROOT, "fix spr_gk_langevin all langevin %.10g %.10g %.10g %d zero yes",
                    p.temperature(), p.temperature(), p.thermostatDamping(), seed));
            lammps.command("fix spr_gk_nve all nve");
            lammps.command("run " + p.equilibrationSteps());
            lammps.command("unfix spr_gk_nve");
            lammps.command("unfix spr_gk_langevin");
        }
    }

    /** C(k) = 1/(M − k) Σ_t x(t) x(t + k), k = 0…lags − 1, over all time origins. */
    static double[] autocorrelation(double[] x, int lags) {
        int m = x.length;
        if (m < 2 * lags) {
            throw new IllegalStateException("Green–Kubo got " + m + " heat-current samples for " + lags + " lags");
        }
        double[] c = new double[lags];
        for (int k = 0; k < lags; k++) {
            double sum = 0;
            for (int t = 0; t + k < m; t++) {
                sum += x[t] * x[t + k];
            }
            c[k] = sum / (m - k);
        }
        return c;
    }

    /** factor · [C(0)/2 + C(1) + … + C(k−1) + C(k)/2] for each k (0 at k = 0). */
    static double[] runningIntegral(double[] c, double factor) {
        double[] integral = new double[c.length];
        double sum = 0;
        for (int k = 1; k < c.length; k++) {
            sum += 0.5 * (c[k - 1] + c[k]);
            integral[k] = factor * sum;
        }
        return integral;
    }

    double volume(SimulationBox box, int dimension) {
        double thickness = parameters.monolayerThickness();
        double volume;
        if (thickness > 0) {
            volume = box.lx() * box.ly() * thickness;
        } else if (dimension == 2) {
            volume = box.lx() * box.ly();
        } else {
            volume = box.volume();
        }
        if (!(volume > 0) || !Double.isFinite(volume)) {
            throw new IllegalArgumentException("Green–Kubo volume is " + volume + " from the LAMMPS box " + box);
        }
        return volume;
    }

    private double boltzmann() {
        return "metal".equals(parameters.units()) ? BOLTZMANN_EV : 1.0;
    }

    private double toOutputUnit() {
        return "metal".equals(parameters.units()) ? METAL_TO_SI : 1.0;
    }

    /** Unit of κ. */
    public String unit() {
        return "metal".equals(parameters.units()) ? "W/(m K)" : "k_B/(sigma tau)";
    }

    /** Refuses a structure whose LAMMPS units differ from the parameters' (k_B differs between metal and lj). */
    private void checkUnits(Lammps lammps) {
        double boltz;
        try {
            boltz = lammps.global("boltz");
        } catch (LammpsException notAvailable) {
            return;
        }
        double expected = boltzmann();
        if (Math.abs(boltz - expected) > 1e-3 * expected) {
            throw new IllegalArgumentException("Green–Kubo units are " + parameters.units()
                    + " but the LAMMPS structure uses units with k_B = " + boltz);
        }
    }

    /** The sampled V·J components and temperatures (steps 0, s, 2s, …). */
    record Series(double[][] components, double meanTemperature) {

        double[] flux(int alpha) {
            return components[alpha];
        }

        static Series read(Path file) throws IOException {
            List<double[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] fields = trimmed.split("\\s+");
                if (fields.length < 5) {
                    throw new UncheckedIOException(new IOException("Green–Kubo sample file " + file
                            + " has a line with " + fields.length + " fields: " + trimmed));
                }
                rows.add(new double[] {Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
                        Double.parseDouble(fields[3]), Double.parseDouble(fields[4])});
            }
            double[][] components = new double[3][rows.size()];
            double temperature = 0;
            for (int i = 0; i < rows.size(); i++) {
                double[] row = rows.get(i);
                components[0][i] = row[0];
                components[1][i] = row[1];
                components[2][i] = row[2];
                temperature += row[3] / rows.size();
            }
            return new Series(components, temperature);
        }
    }
}
