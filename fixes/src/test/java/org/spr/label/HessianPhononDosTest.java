package org.spr.label;

import org.spr.linalg.EjmlSymmetricEigensolver;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.spr.label.TestStructures.CHAIN_ATOMS;
import static org.spr.label.TestStructures.CHAIN_MASS;
import static org.spr.label.TestStructures.CHAIN_REST_LENGTH;
import static org.spr.label.TestStructures.CHAIN_SPACING;
import static org.spr.label.TestStructures.CHAIN_STIFFNESS;
import static org.spr.label.TestStructures.chainPositions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HessianPhononDosTest {

    private static final double ELEMENTARY_CHARGE = 1.602176634e-19;
    private static final double ATOMIC_MASS_UNIT = 1.66053906660e-27;

    private static HessianPhononDos labeller(PhononDosParameters parameters) {
        return new HessianPhononDos(new HessianAssembler(), new EjmlSymmetricEigensolver(), parameters);
    }

    @Test
    void metalUnitConversionFollowsFromSiConstants() {
        double factor = Math.sqrt(ELEMENTARY_CHARGE / (1e-20 * ATOMIC_MASS_UNIT)) / (2 * Math.PI) / 1e12;
        assertEquals(factor, FrequencyUnit.METAL_THZ.factor(), 1e-6 * factor);
        assertEquals(-FrequencyUnit.METAL_THZ.factor() * 2, FrequencyUnit.METAL_THZ.frequency(-4.0), 1e-12);
        assertEquals(-4.0, FrequencyUnit.METAL_THZ.eigenvalue(FrequencyUnit.METAL_THZ.frequency(-4.0)), 1e-12);
    }

    /** Harmonic dimer, masses 12 and 16 amu, k = 30 eV/Å²: ν = (1/2π)√(k/μ), μ = m₁m₂/(m₁+m₂), five zero modes. */
    @Test
    void harmonicDimerGivesItsAnalyticFrequency() {
        double k = 30.0;
        double m1 = 12.0;
        double m2 = 16.0;
        double reducedMass = m1 * m2 / (m1 + m2);
        double omega = Math.sqrt(k * ELEMENTARY_CHARGE / 1e-20 / (reducedMass * ATOMIC_MASS_UNIT));
        double expectedThz = omega / (2 * Math.PI) / 1e12;
        double[] x = {0.1, 0.2, 0.3, 1.0, 1.2, 1.1};
        double r0 = Math.sqrt(0.81 + 1.0 + 0.64);
        PairForceField dimer = PairForceField.allPairs(PairPotential.harmonic(k, r0), 2);
        PhononDos dos = labeller(PhononDosParameters.metalDefaults()).compute(dimer, x, new double[] {m1, m2},
                HessianProgressListener.NONE);
        double[] nu = dos.frequencies();
        assertEquals(6, nu.length);
        // 1e-4: a harmonic spring is still anharmonic in Cartesian coordinates (r is not linear in x), O(δ²) error
        assertEquals(expectedThz, nu[5], 1e-4 * expectedThz);
        for (int m = 0; m < 5; m++) {
            assertEquals(0.0, nu[m], PhononDosParameters.DEFAULT_METAL_TOLERANCE_THZ, "zero mode " + m);
        }
        assertEquals(3, dos.translationalModeIndices().length);
        assertEquals(0, dos.imaginaryModeCount());
        int peak = argMax(Arrays.copyOfRange(dos.density(), 20, 200)) + 20; // above the two rotations near 0
        assertEquals(expectedThz, dos.grid().centre(peak), dos.grid().binWidth());
        double stretchWeight = 0;
        for (int b = 20; b < 200; b++) {
            stretchWeight += dos.density()[b] * dos.grid().binWidth();
        }
        assertEquals(1.0 / 3.0, stretchWeight, 1e-6, "one stretch among three non-translational modes");
    }

    /** LJ dimer at the minimum 2^{1/6}σ in reduced units, m = 1: k = φ'' = 36·2^{2/3}, μ = ½, ν = √(k/μ)/2π. */
    @Test
    void lennardJonesDimerInReducedUnits() {
        double rMin = Math.pow(2, 1.0 / 6);
        double k = 36 * Math.pow(2, 2.0 / 3);
        double expected = Math.sqrt(k / 0.5) / (2 * Math.PI);
        PairForceField dimer = PairForceField.allPairs(PairPotential.lennardJones(1.0, 1.0), 2);
        // δ = 0.002σ: LJ is so anharmonic that the default 0.01σ costs 0.25 % (error ≈ δ²φ''''/12φ'')
        PhononDos dos = new HessianPhononDos(new HessianAssembler(0.002), new EjmlSymmetricEigensolver(),
                PhononDosParameters.ljDefaults()).compute(dimer,
                new double[] {0, 0, 0, rMin, 0, 0}, new double[] {1, 1}, HessianProgressListener.NONE);
        assertEquals(expected, dos.frequencies()[5], 1e-4 * expected);
        assertEquals(FrequencyUnit.LJ_REDUCED, dos.unit());
    }

    /**
     * Periodic monatomic chain of N atoms, spacing a, nearest-neighbour springs k with rest length r₀ &lt; a (under
     * tension): longitudinal ω_L(q) = 2√(k/m)|sin(qa/2)|, transverse (two polarisations) ω_T(q) = 2√(k(1 − r₀/a)/m)|sin(qa/2)|,
     * q = 2πn/(Na).
     */
    @Test
    void periodicChainFollowsItsDispersionRelation() {
        int atoms = CHAIN_ATOMS;
        double k = CHAIN_STIFFNESS;
        double mass = CHAIN_MASS;
        PairForceField chain = TestStructures.chainSprings(new double[] {atoms * CHAIN_SPACING, 0, 0});
        PhononDos dos = labeller(PhononDosParameters.metalDefaults().withKeepEigenvectors(true)).compute(chain, chainPositions(),
                TestStructures.uniformMasses(atoms, mass), HessianProgressListener.NONE);
        List<Double> expected = new ArrayList<>();
        for (int n = 0; n < atoms; n++) {
            double sine = Math.abs(Math.sin(Math.PI * n / atoms));
            expected.add(FrequencyUnit.METAL_THZ.frequency(4 * k / mass * sine * sine));
            double transverse = FrequencyUnit.METAL_THZ.frequency(4 * k * (1 - CHAIN_REST_LENGTH / CHAIN_SPACING) / mass * sine * sine);
            expected.add(transverse);
            expected.add(transverse);
        }
        double[] sorted = expected.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] nu = dos.frequencies();
        for (int m = 0; m < sorted.length; m++) {
            assertEquals(sorted[m], nu[m], 1e-3 * sorted[sorted.length - 1], "mode " + m);
        }
        assertNotNull(dos.eigenvectors());
        assertEquals(nu.length * nu.length, dos.eigenvectors().length);
        double maxLongitudinal = FrequencyUnit.METAL_THZ.frequency(4 * k / mass);
        assertEquals(maxLongitudinal, nu[nu.length - 1], 1e-4 * maxLongitudinal);
        double x0 = 0;
        for (int i = 0; i < atoms; i++) {
            x0 += Math.abs(dos.eigenvectors()[(nu.length - 1) * nu.length + 3 * i]);
        }
        assertEquals(Math.sqrt(atoms), x0, 1e-6, "zone-boundary mode: all atoms along x, alternating");
    }

    /** A free Morse tetrahedron at its minimum: 6 zero modes (3 translations, 3 rotations), then E (k/m), T2 (2k/m), A1 (4k/m). */
    @Test
    void freeMoleculeHasExactlySixZeroModesAndAnalyticVibrations() {
        double depth = 0.5;
        double alpha = 1.5;
        double re = 2.5;
        double mass = 63.5;
        double k = 2 * depth * alpha * alpha;
        PairForceField cluster = PairForceField.allPairs(PairPotential.morse(depth, alpha, re), 4);
        PhononDos dos = labeller(PhononDosParameters.metalDefaults().withGrid(new FrequencyGrid(0, 10, 200))
                .withBroadeningWidth(0.1)).compute(cluster, TestStructures.tetrahedron(re), TestStructures.uniformMasses(4, mass),
                HessianProgressListener.NONE);
        double[] nu = dos.frequencies();
        for (int m = 0; m < 6; m++) {
            // rotations: O(δ²) finite-difference error gives |ν| of a few 0.01 THz, below the 0.1 THz tolerance
            assertEquals(0.0, nu[m], PhononDosParameters.DEFAULT_METAL_TOLERANCE_THZ, "zero mode " + m);
        }
        double e = FrequencyUnit.METAL_THZ.frequency(k / mass);
        double t2 = FrequencyUnit.METAL_THZ.frequency(2 * k / mass);
        double a1 = FrequencyUnit.METAL_THZ.frequency(4 * k / mass);
        double[] expected = {e, e, t2, t2, t2, a1};
        assertArrayEquals(expected, Arrays.copyOfRange(nu, 6, 12), 1e-4 * a1);
        assertEquals(0, dos.imaginaryModeCount());
    }

    @Test
    void translationalModesOfTheDynamicalMatrixAreExactlyZeroAfterTheSumRule() {
        double[] x = TestStructures.perturbedCuboctahedron(2.5, 0.15, 21);
        double[] masses = TestStructures.uniformMasses(13, 27.0);
        masses[4] = 63.5;
        double[] h = new HessianAssembler().assemble(PairForceField.allPairs(PairPotential.morse(0.5, 1.5, 2.5), 13), x,
                HessianProgressListener.NONE);
        ForceConstantMatrices.symmetrise(h, 39);
        ForceConstantMatrices.enforceAcousticSumRule(h, 13);
        ForceConstantMatrices.massWeight(h, masses);
        double[] values = new EjmlSymmetricEigensolver().decompose(h, 39, false).eigenvalues();
        double largest = Math.abs(values[38]);
        int nearZero = 0;
        for (double value : values) {
            if (Math.abs(value) < 1e-8 * largest) {
                nearZero++;
            }
        }
        assertTrue(nearZero >= 3, "three translations at λ = 0, found " + nearZero + " in " + Arrays.toString(values));
    }

    @Test
    void resultChangesByLessThanOnePercentWhenTheDisplacementIsHalved() {
        double[] x = TestStructures.perturbedCuboctahedron(2.5, 0.1, 42);
        double[] masses = TestStructures.uniformMasses(13, 63.5);
        PairForceField cluster = PairForceField.allPairs(PairPotential.morse(0.5, 1.5, 2.5), 13);
        PhononDosParameters parameters = PhononDosParameters.metalDefaults()
                .withGrid(new FrequencyGrid(0, 10, 200)).withBroadeningWidth(0.2);
        PhononDos coarse = new HessianPhononDos(new HessianAssembler(0.01), new EjmlSymmetricEigensolver(), parameters)
                .compute(cluster, x, masses, HessianProgressListener.NONE);
        PhononDos fine = new HessianPhononDos(new HessianAssembler(0.005), new EjmlSymmetricEigensolver(), parameters)
                .compute(cluster, x, masses, HessianProgressListener.NONE);
        double top = coarse.frequencies()[38];
        for (int m = 0; m < 39; m++) {
            double a = coarse.frequencies()[m];
            double b = fine.frequencies()[m];
            if (Math.abs(a) > 0.05 * top) {
                assertEquals(a, b, 0.01 * Math.abs(a), "mode " + m);
            }
        }
        double distance = 0;
        for (int k = 0; k < parameters.grid().binCount(); k++) {
            distance += Math.abs(coarse.density()[k] - fine.density()[k]) * parameters.grid().binWidth();
        }
        assertTrue(distance < 0.01, "∫|g_δ − g_δ/2| dν = " + distance);
    }

    /** A dimer on an inverted spring is unstable: one imaginary mode at −(1/2π)√(k/μ), counted and left out of the DOS. */
    @Test
    void imaginaryModesAreCountedAndReported() {
        double k = 10.0;
        double mass = 12.0;
        PairForceField unstable = PairForceField.allPairs(PairPotential.harmonic(-k, 1.4), 2);
        // δ = 0.001 Å keeps the two rotations (exactly zero) from drifting below −0.1 THz by finite-difference error
        PhononDos dos = new HessianPhononDos(new HessianAssembler(0.001), new EjmlSymmetricEigensolver(),
                PhononDosParameters.metalDefaults()).compute(unstable,
                new double[] {0, 0, 0, 1.4, 0, 0}, new double[] {mass, mass}, HessianProgressListener.NONE);
        double expected = FrequencyUnit.METAL_THZ.frequency(k / (mass / 2));
        assertEquals(1, dos.imaginaryModeCount());
        assertTrue(dos.hasImaginaryModes());
        assertEquals(-expected, dos.minimumFrequency(), 1e-5 * expected);
        assertEquals(-expected, dos.frequencies()[0], 1e-5 * expected);
        assertNull(dos.eigenvectors());
        double area = 0;
        for (double value : dos.density()) {
            area += value * dos.grid().binWidth();
        }
        assertEquals(1.0, area, 1e-12, "DOS of the two remaining (rotational, zero) modes is normalised");
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }
}
