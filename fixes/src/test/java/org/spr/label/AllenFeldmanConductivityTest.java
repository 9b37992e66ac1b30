package org.spr.label;

import org.spr.linalg.EjmlSymmetricEigensolver;
import org.spr.linalg.SymmetricEigenDecomposition;

import org.junit.jupiter.api.Test;

import static org.spr.label.TestStructures.CHAIN_ATOMS;
import static org.spr.label.TestStructures.CHAIN_MASS;
import static org.spr.label.TestStructures.CHAIN_REST_LENGTH;
import static org.spr.label.TestStructures.CHAIN_SPACING;
import static org.spr.label.TestStructures.CHAIN_STIFFNESS;
import static org.spr.label.TestStructures.chainPositions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllenFeldmanConductivityTest {

    private record Modes(double[] dynamicalMatrix, SymmetricEigenDecomposition decomposition) {
    }

    private static Modes modes(ForceField field, double[] positions, double[] masses) {
        int n = positions.length;
        double[] matrix = new HessianAssembler().assemble(field, positions, HessianProgressListener.NONE);
        ForceConstantMatrices.symmetrise(matrix, n);
        ForceConstantMatrices.enforceAcousticSumRule(matrix, masses.length);
        ForceConstantMatrices.massWeight(matrix, masses);
        SymmetricEigenDecomposition decomposition = new EjmlSymmetricEigensolver().decompose(matrix.clone(), n, true);
        return new Modes(matrix, decomposition);
    }

    /** The chain of {@link TestStructures#chainSprings} in a box periodic along x. */
    private static double[] chainBox() {
        return new double[] {CHAIN_ATOMS * CHAIN_SPACING, 10, 10};
    }

    private static Modes chainModes() {
        return modes(TestStructures.chainSprings(chainBox()), chainPositions(), TestStructures.uniformMasses(CHAIN_ATOMS, CHAIN_MASS));
    }

    /**
     * Perfect periodic chain: each plane-wave mode couples only to its degenerate partner (the other of the cos/sin
     * pair at ±q) with |v^x_ij| = group velocity v_g, so with a tiny width η (angular) D_i = v_g²/η along the chain,
     * v_g = (a/2)√(ω_max² − ω_i²) on each branch: the Allen–Feldman diffusivity of a crystal has no finite limit.
     */
    @Test
    void aLowFrequencyCutoffMovesTheModesBelowItIntoTheReportedRemainder() {
        double[] x = chainPositions();
        double[] box = chainBox();
        Modes modes = chainModes();
        AllenFeldmanParameters all = new AllenFeldmanParameters(0.5, true, new double[] {300},
                new boolean[] {true, false, false}, 0.0);
        AllenFeldmanResult full = new AllenFeldmanConductivity(all).compute(modes.dynamicalMatrix(), modes.decomposition(), x, box);
        double median = full.frequencies()[full.frequencies().length / 2];
        AllenFeldmanResult cut = new AllenFeldmanConductivity(all.withLowFrequencyCutoff(median))
                .compute(modes.dynamicalMatrix(), modes.decomposition(), x, box);
        assertEquals(0.0, full.belowCutoff()[0], 0.0);
        assertTrue(cut.belowCutoff()[0] > 0 && cut.conductivity()[0] > 0, "both halves carry heat");
        assertEquals(full.conductivity()[0], cut.conductivity()[0] + cut.belowCutoff()[0], 1e-12 * full.conductivity()[0]);
        assertEquals(cut.belowCutoff()[0] / full.conductivity()[0], cut.shareBelowCutoff(0), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> all.withLowFrequencyCutoff(-1));
    }

    @Test
    void aCrystalIsReportedOutsideAllenFeldmansValidity() {
        // a perfect chain: D = v²/η, so κ doubles when η halves — no plateau, not a glass
        AllenFeldmanParameters parameters = new AllenFeldmanParameters(1e-3, false, new double[] {300},
                new boolean[] {true, false, false}, 0.0);
        Modes modes = chainModes();
        AllenFeldmanResult result = new AllenFeldmanConductivity(parameters).compute(modes.dynamicalMatrix(),
                modes.decomposition(), chainPositions(), chainBox());
        assertEquals(1.0, result.plateauDeviation()[0], 0.05, "κ(η/2) = 2 κ(η) for ballistic phonons");
        assertTrue(!result.withinValidity(0));
    }

    /**
     * Asserts D_i·η = v_g² (to 1 %) for every propagating mode of the perfect chain, v_g = (a/2)√(ω_top² − ω_i²) with
     * ω_top the top of the longitudinal (ω_top² = 4k/m) or transverse (4k(1 − r₀/a)/m) branch, chosen by the mode's
     * weight along the chain; translations and zone-boundary modes (no degenerate partner, D ≈ 0) are passed over.
     *
     * @param stride 3 for the full matrix, 2 for the in-plane one
     * @return the number of modes checked
     */
    private static int assertGroupVelocityDiffusivities(SymmetricEigenDecomposition decomposition, int stride,
                                                         AllenFeldmanResult result, double widthThz, String what) {
        double a = CHAIN_SPACING;
        double k = CHAIN_STIFFNESS;
        double r0 = CHAIN_REST_LENGTH;
        double mass = CHAIN_MASS;
        double eta = 2 * Math.PI * widthThz * 1e12;
        double unit = AllenFeldmanConductivity.ANGULAR_FREQUENCY_UNIT;
        double longitudinalMax = Math.sqrt(4 * k / mass) * unit;
        double transverseMax = Math.sqrt(4 * k * (1 - r0 / a) / mass) * unit;
        int checked = 0;
        for (int i = 0; i < stride * CHAIN_ATOMS; i++) {
            double lambda = decomposition.eigenvalues()[i];
            if (lambda < 1e-6) {
                continue;
            }
            double omega = Math.sqrt(lambda) * unit;
            double alongChain = 0;
            for (int atom = 0; atom < CHAIN_ATOMS; atom++) {
                double component = decomposition.eigenvectorComponent(i, stride * atom);
                alongChain += component * component;
            }
            double top = alongChain > 0.5 ? longitudinalMax : transverseMax;
            double groupVelocity = 0.5 * a * 1e-10 * Math.sqrt(Math.max(0, top * top - omega * omega));
            if (groupVelocity < 0.05 * 0.5 * a * 1e-10 * top) {
                continue; // zone-boundary mode, no partner: D ≈ 0
            }
            assertEquals(groupVelocity * groupVelocity, result.diffusivities()[i] * eta,
                    0.01 * groupVelocity * groupVelocity, what + " " + i + " at " + result.frequencies()[i] + " THz");
            checked++;
        }
        return checked;
    }

    @Test
    void perfectChainDiffusivityIsGroupVelocitySquaredOverWidth() {
        Modes modes = chainModes();
        double widthThz = 1e-4;
        AllenFeldmanParameters parameters = new AllenFeldmanParameters(widthThz, false, new double[] {300},
                new boolean[] {true, false, false}, 0.0);
        AllenFeldmanResult result = new AllenFeldmanConductivity(parameters).compute(modes.dynamicalMatrix(),
                modes.decomposition(), chainPositions(), chainBox());
        assertEquals(3, result.skippedModes());
        int checked = assertGroupVelocityDiffusivities(modes.decomposition(), 3, result, widthThz, "mode");
        assertTrue(checked >= 20, "checked " + checked + " modes");
    }

    /**
     * The same perfect chain as an in-plane (x, y per atom) matrix, as a LAMMPS {@code dimension 2} system gives:
     * two translations are skipped and every propagating mode still has D_i·η = v_g².
     */
    @Test
    void inPlaneMatrixOfAChainGivesTheGroupVelocityDiffusivities() {
        int atoms = CHAIN_ATOMS;
        double[] x = chainPositions();
        double[] box = chainBox();
        double[] planar = VibrationalLabel.inPlane(chainModes().dynamicalMatrix(), atoms);
        double[] xy = new double[2 * atoms];
        for (int i = 0; i < atoms; i++) {
            xy[2 * i] = x[3 * i];
        }
        SymmetricEigenDecomposition decomposition = new EjmlSymmetricEigensolver().decompose(planar.clone(), 2 * atoms, true);
        double widthThz = 1e-4;
        AllenFeldmanParameters parameters = new AllenFeldmanParameters(widthThz, false, new double[] {300},
                new boolean[] {true, false, false}, 0.0);
        AllenFeldmanResult result = new AllenFeldmanConductivity(parameters).compute(planar, decomposition, xy, box, 2);
        assertEquals(2, result.skippedModes());
        int checked = assertGroupVelocityDiffusivities(decomposition, 2, result, widthThz, "in-plane mode");
        assertTrue(checked >= 14, "checked " + checked + " modes");
        assertThrows(IllegalArgumentException.class, () -> new AllenFeldmanConductivity(AllenFeldmanParameters.bulk(0.5, false, 300))
                .compute(planar, decomposition, xy, box, 2));
    }

    /** A perturbed 13-atom Morse cuboctahedron (copper masses) in a 20 Å cube: a small cluster with a finite κ. */
    private record Cluster(double[] x, double[] box, Modes modes) {
        static Cluster perturbed(long seed) {
            double[] x = TestStructures.perturbedCuboctahedron(2.5, 0.05, seed);
            Modes modes = AllenFeldmanConductivityTest.modes(PairForceField.allPairs(PairPotential.morse(0.5, 1.5, 2.5), 13), x,
                    TestStructures.uniformMasses(13, 63.5));
            return new Cluster(x, new double[] {20, 20, 20}, modes);
        }

        AllenFeldmanResult conductivity(AllenFeldmanParameters parameters) {
            return new AllenFeldmanConductivity(parameters).compute(modes.dynamicalMatrix(), modes.decomposition(), x, box);
        }
    }

    @Test
    void classicalConductivityIsTemperatureIndependentAndTheQuantumOneApproachesIt() {
        Cluster cluster = Cluster.perturbed(17);
        double[] temperatures = {10, 300, 1e5};
        AllenFeldmanResult classical = cluster.conductivity(AllenFeldmanParameters.bulk(0.5, false, temperatures));
        AllenFeldmanResult quantum = cluster.conductivity(AllenFeldmanParameters.bulk(0.5, true, temperatures));
        double reference = classical.conductivity()[0];
        assertTrue(reference > 0 && Double.isFinite(reference), "κ = " + reference);
        assertEquals(reference, classical.conductivity()[1], 1e-12 * reference);
        assertEquals(reference, quantum.conductivity()[2], 1e-4 * reference);
        assertTrue(quantum.conductivity()[0] < quantum.conductivity()[1]);
        assertTrue(quantum.conductivity()[1] < quantum.conductivity()[2]);
        assertEquals(8000.0, classical.volume(), 1e-9);
    }

    @Test
    void monolayerConductivityScalesInverselyWithTheThicknessConvention() {
        Cluster cluster = Cluster.perturbed(19);
        double thin = cluster.conductivity(AllenFeldmanParameters.monolayer(0.5, true, 3.35, 300)).conductivity()[0];
        double thick = cluster.conductivity(AllenFeldmanParameters.monolayer(0.5, true, 6.70, 300)).conductivity()[0];
        assertEquals(2.0, thin / thick, 1e-12);
    }

    @Test
    void refusesBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> AllenFeldmanParameters.bulk(0.0, true, 300));
        assertThrows(IllegalArgumentException.class, () -> AllenFeldmanParameters.bulk(0.5, true));
        assertThrows(IllegalArgumentException.class, () -> AllenFeldmanParameters.bulk(0.5, true, -1));
        assertThrows(IllegalArgumentException.class, () -> AllenFeldmanParameters.monolayer(0.5, true, 0.0, 300));
        assertThrows(IllegalArgumentException.class,
                () -> new AllenFeldmanParameters(0.5, true, new double[] {300}, new boolean[3], 0));
    }
}
