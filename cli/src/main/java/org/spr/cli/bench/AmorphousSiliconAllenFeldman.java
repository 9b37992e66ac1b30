package org.spr.cli.bench;

import org.spr.label.AllenFeldmanConductivity;
import org.spr.label.AllenFeldmanParameters;
import org.spr.label.AllenFeldmanResult;
import org.spr.label.ForceConstantMatrices;
import org.spr.label.FrequencyUnit;
import org.spr.label.HessianAssembler;
import org.spr.label.HessianProgressListener;
import org.spr.label.LammpsForceField;

import org.spr.linalg.SymmetricEigenDecomposition;
import org.spr.linalg.SymmetricEigensolver;
import org.spr.linalg.SymmetricEigensolvers;

import org.spr.protocol.Crystal;
import org.spr.protocol.MaterialSystem;
import org.spr.protocol.MeltQuench;
import org.spr.protocol.Potential;
import org.spr.protocol.Potentials;
import org.spr.protocol.ProtocolResult;
import org.spr.lammps.EngineTask;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;
import org.spr.lammps.SimulationBox;

import java.io.Serializable;
import java.util.List;

/**
 * Harness task (engine task, test code): melt-quench amorphous silicon with Stillinger–Weber ({@code Si.sw}), then its
 * Hessian by 6N LAMMPS force evaluations, the eigenmodes (LAPACK with eigenvectors) and Allen–Feldman κ at each
 * Lorentzian width; every stage timed.
 *
 * @param atoms       N
 * @param seed        melt-quench seed
 * @param meltSteps   steps at 3,500 K (2 fs)
 * @param coolSteps   steps of the linear cooling 3,500 → 300 K
 * @param annealSteps steps at 300 K
 * @param widths      Lorentzian widths η (THz)
 * @param temperature K
 */
record AmorphousSiliconAllenFeldman(int atoms, long seed, int meltSteps, int coolSteps, int annealSteps,
                                    double[] widths, double temperature) implements EngineTask<AmorphousSiliconAllenFeldman.Outcome> {

    /** What came out, with seconds per stage. */
    record Outcome(int atoms, double energyPerAtom, double density, double meanCoordination, double maxForce,
                   double[] widths, double[] kappaQuantum, double[] kappaClassical, int skippedModes,
                   double maxFrequency, double protocolSeconds, double forceSeconds, int forceEvaluations,
                   double eigenSeconds, String solver, double allenFeldmanSeconds) implements Serializable {
    }

    /** SW silicon on the diamond lattice (a = 5.431 Å) as MeltQuench needs it. */
    static MaterialSystem silicon() {
        String path = Potentials.path("Si.sw");
        Potential sw = new Potential("Si.sw", "metal", "sw", List.of("* * " + path + " Si"), List.of(), List.of("Si"),
                List.of(28.0855), null);
        return new MaterialSystem("a-Si", Crystal.of("metal", 3, "diamond", 5.431, 2, 2, 2), sw);
    }

    @Override
    public Outcome run(Lammps lammps, RecordSink sink) {
        long t0 = System.nanoTime();
        MeltQuench protocol = new MeltQuench(silicon(), atoms, 1.0, 0.8, 200, 3500, meltSteps, 300,
                coolSteps, annealSteps, 0.002, true, 1e-3, seed);
        ProtocolResult structure = protocol.run(lammps, sink);
        if (!structure.usable()) {
            throw new IllegalStateException("a-Si melt-quench failed: " + structure.problem());
        }
        double protocolSeconds = (System.nanoTime() - t0) * 1e-9;
        lammps.command("compute spr_cn all coord/atom cutoff 2.8");
        lammps.command("compute spr_cn_mean all reduce ave c_spr_cn");
        lammps.command("thermo_style custom step pe c_spr_cn_mean");
        lammps.command("run 0");
        double coordination = lammps.computeScalar("spr_cn_mean");
        SimulationBox box = lammps.box();
        double density = atoms * 28.0855 * 1.66053906660 / box.volume();

        LammpsForceField forces = new LammpsForceField(lammps);
        double[] positions = forces.positions();
        double[] masses = forces.masses();
        int n = positions.length;
        long t1 = System.nanoTime();
        double[] matrix = new HessianAssembler(HessianAssembler.DEFAULT_DISPLACEMENT).assemble(forces, positions,
                HessianProgressListener.NONE);
        double forceSeconds = (System.nanoTime() - t1) * 1e-9;
        ForceConstantMatrices.symmetrise(matrix, n);
        ForceConstantMatrices.enforceAcousticSumRule(matrix, masses.length);
        ForceConstantMatrices.massWeight(matrix, masses);
        SymmetricEigensolver solver = SymmetricEigensolvers.preferred();
        long t2 = System.nanoTime();
        SymmetricEigenDecomposition modes = solver.decompose(matrix.clone(), n, true);
        double eigenSeconds = (System.nanoTime() - t2) * 1e-9;
        double[] boxLengths = {box.lx(), box.ly(), box.lz()};
        double[] quantum = new double[widths.length];
        double[] classical = new double[widths.length];
        int skipped = 0;
        double afSeconds = 0;
        for (int w = 0; w < widths.length; w++) {
            long t3 = System.nanoTime();
            AllenFeldmanResult q = new AllenFeldmanConductivity(AllenFeldmanParameters.bulk(widths[w], true, temperature))
                    .compute(matrix, modes, positions, boxLengths);
            if (w == 0) {
                afSeconds = (System.nanoTime() - t3) * 1e-9;
            }
            AllenFeldmanResult c = new AllenFeldmanConductivity(AllenFeldmanParameters.bulk(widths[w], false, temperature))
                    .compute(matrix, modes, positions, boxLengths);
            quantum[w] = q.conductivity()[0];
            classical[w] = c.conductivity()[0];
            skipped = q.skippedModes();
        }
        double maxFrequency = FrequencyUnit.METAL_THZ.frequency(modes.eigenvalues()[n - 1]);
        return new Outcome(atoms, structure.energyPerAtom(), density, coordination, structure.maxForce(), widths.clone(),
                quantum, classical, skipped, maxFrequency, protocolSeconds, forceSeconds, 6 * masses.length,
                eigenSeconds, solver.name(), afSeconds);
    }
}
