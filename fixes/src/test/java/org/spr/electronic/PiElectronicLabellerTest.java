package org.spr.electronic;

import org.junit.jupiter.api.Test;
import org.spr.model.SpectrumGrid;
import org.spr.structure.Frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PiElectronicLabellerTest {

    private static final double T0 = DiracCone.T0;
    private static final ElectronicLabelParameters DOS_ONLY = ElectronicLabelParameters.DEFAULT.withConductivity(false, 0.1);

    private static ElectronicLabel label(ElectronicLabelParameters parameters, Frame frame) {
        return new PiElectronicLabeller(parameters).label(frame);
    }

    private static ElectronicLabel disordered(Frame frame, double w, long seed) {
        return label(ElectronicLabelParameters.DEFAULT.withModel(PiTightBindingParameters.CARBON.withAndersonDisorder(w, seed)), frame);
    }

    /** Large graphene sheet, eigenvalues only, shared by the DOS-shape tests. */
    private static final class LargeSheet {
        static final ElectronicLabel LABEL = label(DOS_ONLY, CarbonStructures.graphene(24, 14));
    }

    /**
     * A supercell 3m cells wide holds K and K′, so its spectrum has exactly four levels at E = 0 (two valleys × two
     * sublattices), all others at |E| ≥ ħv_F·2π/L. Half filling puts E_F on them; their weight 4/N is all of ρ(E_F),
     * which therefore vanishes as 1/N while ρ(±1 eV) stays finite. A cell that misses K has a finite-size gap instead.
     */
    @Test
    void grapheneHasItsDiracPointAtTheFermiLevelWithADensityThatVanishesAsOneOverN() {
        double sigma = DOS_ONLY.dosBroadening();
        ElectronicLabel small = label(DOS_ONLY, CarbonStructures.graphene(12, 7));
        for (ElectronicLabel graphene : new ElectronicLabel[] {small, LargeSheet.LABEL}) {
            assertEquals(0.0, graphene.fermiLevel(), 1e-12);
            assertEquals(4, DiracCone.levelsAtTheDiracPoint(graphene.levels(), 0.3), "Dirac states at E = 0");
            assertEquals(4.0, graphene.atomCount() * graphene.densityAtFermiLevel() * sigma * Math.sqrt(2 * Math.PI), 1e-6);
        }
        assertEquals(4.0, small.densityAtFermiLevel() / LargeSheet.LABEL.densityAtFermiLevel(), 1e-6);

        ElectronicLabel missesK = label(DOS_ONLY, CarbonStructures.graphene(13, 7));
        assertEquals(0.0, missesK.fermiLevel(), 1e-12);
        assertTrue(missesK.gap() > 0.5, "finite-size gap " + missesK.gap());
        assertTrue(missesK.densityAtFermiLevel() < 0.02 * DiracCone.SLOPE * 1.0,
                "ρ(E_F) = " + missesK.densityAtFermiLevel() + " vs ρ(1 eV) ≈ " + DiracCone.SLOPE);
    }

    /**
     * ρ(E)/(|E|/(√3πt₀²)) averaged over 0.5 ≤ |E| ≤ 1.5 eV with σ_E = 0.2 eV: 1.09 for a 1344-atom sheet; the exact
     * band (trigonal warping) gives 1.064 on a dense k mesh over this window, so 10 % holds the Dirac-cone slope and
     * would catch a factor-2 error of spin or sublattice counting. ρ is even in E (bipartite lattice).
     */
    @Test
    void grapheneDosNearTheFermiLevelIsLinearWithTheDiracConeSlope() {
        SpectrumGrid grid = ElectronicLabelParameters.DEFAULT_GRID;
        double[] density = ElectronicDensityOfStates.broaden(LargeSheet.LABEL.levels(), 0.0, grid, 0.2, null);
        double ratio = DiracCone.slopeRatio(density, grid);
        assertTrue(ratio > 0.97 && ratio < 1.12, "DOS / Dirac-cone DOS = " + ratio);
    }

    /** The M-point saddles give logarithmic van Hove peaks at E = ±t₀. */
    @Test
    void grapheneVanHovePeaksAreAtPlusMinusT0() {
        SpectrumGrid grid = LargeSheet.LABEL.grid();
        double[] density = LargeSheet.LABEL.density();
        int upper = -1;
        int lower = -1;
        for (int k = 0; k < grid.count(); k++) {
            double energy = grid.value(k);
            if (energy > 1.5 && (upper < 0 || density[k] > density[upper])) {
                upper = k;
            }
            if (energy < -1.5 && (lower < 0 || density[k] > density[lower])) {
                lower = k;
            }
        }
        assertEquals(T0, grid.value(upper), 0.1);
        assertEquals(-T0, grid.value(lower), 0.1);
        assertTrue(density[upper] > 3 * density[grid.count() / 2 + 20], "peak over ρ(1 eV)");
    }

    @Test
    void densityIntegratesToOneStatePerAtomAndSpinOverTheWholeBand() {
        SpectrumGrid band = new SpectrumGrid(-10, 0.02, 1001, "eV", "");
        for (Frame frame : new Frame[] {CarbonStructures.graphene(6, 4),
                CarbonStructures.withVacancies(CarbonStructures.graphene(6, 4), 5, 3)}) {
            ElectronicLabel label = label(DOS_ONLY.withDos(band, 0.1), frame);
            double area = 0;
            for (double value : label.density()) {
                area += value * band.step();
            }
            assertEquals(1.0, area, 1e-6);
        }
    }

    /** 364-atom sheet that misses K (no Dirac states at E_F), averaged over two seeds. */
    @Test
    void densityAtTheFermiLevelGrowsWithVacanciesAndWithAndersonDisorder() {
        Frame graphene = CarbonStructures.graphene(13, 7);
        double previous = -1;
        for (int vacancies : new int[] {0, 4, 8, 16}) {
            double rho = 0;
            for (long seed = 1; seed <= 2; seed++) {
                rho += label(DOS_ONLY, CarbonStructures.withVacancies(graphene, vacancies, seed)).densityAtFermiLevel() / 2;
            }
            assertTrue(rho > previous, vacancies + " vacancies: ρ(E_F) = " + rho + " after " + previous);
            previous = rho;
        }
        previous = -1;
        for (double w : new double[] {0, 3, 6, 9}) {
            double rho = 0;
            for (long seed = 1; seed <= 2; seed++) {
                rho += label(DOS_ONLY.withModel(PiTightBindingParameters.CARBON.withAndersonDisorder(w, seed)), graphene)
                        .densityAtFermiLevel() / 2;
            }
            assertTrue(rho > previous, "W = " + w + " eV: ρ(E_F) = " + rho + " after " + previous);
            previous = rho;
        }
    }

    /**
     * bnc-amc-000002 (BNC.tersoff quench of a 10 × 6 sheet with 5 % vacancies) has midgap states at E_F; the pristine 240-atom
     * sheet of the same cell has none, and amc-000001 (0.03 % vacancies) hardly any.
     */
    @Test
    void amorphousMonolayerCarbonHasStatesAtTheFermiLevelWherePristineGrapheneHasNone() {
        Frame amorphous = CarbonStructures.amc(2);
        Frame nearlyPristine = CarbonStructures.amc(1);
        assumeTrue(amorphous != null && nearlyPristine != null, "test resources bnc-amc-00000{1,2} not found");
        double graphene = label(DOS_ONLY, CarbonStructures.graphene(10, 6)).densityAtFermiLevel();
        double amc = label(DOS_ONLY, amorphous).densityAtFermiLevel();
        double amcNearlyPristine = label(DOS_ONLY, nearlyPristine).densityAtFermiLevel();
        assertTrue(graphene < 1e-4, "graphene ρ(E_F) = " + graphene);
        assertTrue(amcNearlyPristine < 1e-3, "amc-000001 ρ(E_F) = " + amcNearlyPristine);
        assertTrue(amc > 0.03, "amc-000002 ρ(E_F) = " + amc);
    }

    @Test
    void conductivityIsPositiveFiniteAndInvariantUnderRigidTranslation() {
        Frame amorphous = CarbonStructures.amc(2);
        Frame frame = amorphous != null ? amorphous : CarbonStructures.withVacancies(CarbonStructures.graphene(10, 6), 12, 5);
        ElectronicLabel label = label(ElectronicLabelParameters.DEFAULT, frame);
        ElectronicLabel moved = label(ElectronicLabelParameters.DEFAULT, CarbonStructures.translated(frame, 3.1, -7.7, 0.4));
        KuboGreenwoodConductivity sigma = label.conductivity();
        assertTrue(sigma.monolayer());
        assertTrue(sigma.statesInWindow() > 0);
        for (int alpha = 0; alpha < 2; alpha++) {
            double value = sigma.components()[alpha];
            assertTrue(value > 0 && Double.isFinite(value), "σ_" + "xy".charAt(alpha) + " = " + value);
            assertEquals(value, moved.conductivity().components()[alpha], 1e-8 * value);
        }
        assertTrue(Double.isNaN(sigma.components()[2]));
        assertEquals(label.fermiLevel(), moved.fermiLevel(), 1e-10);
        assertArrayEquals(label.density(), moved.density(), 1e-10);
    }

    /** Seed 1 on a 336-atom sheet with Dirac states at E_F, η = 0.1 eV: G falls from 94 e²/h (W = 0) to about 2 (W = 8 eV). */
    @Test
    void conductivityDecreasesWithAndersonDisorderAtFixedBroadening() {
        Frame graphene = CarbonStructures.graphene(12, 7);
        double previous = Double.POSITIVE_INFINITY;
        for (double w : new double[] {0, 2, 4, 8}) {
            double g = disordered(graphene, w, 1).conductivity().sheetConductanceQuanta();
            assertTrue(g < previous, "W = " + w + " eV: G = " + g + " e²/h after " + previous);
            previous = g;
        }
        assertTrue(previous < 10, "strong disorder leaves G = " + previous + " e²/h");
    }

    /**
     * Absolute Kubo–Greenwood normalisation. A sheet 3m cells wide has exactly four states at E_F = 0 (K, K′ × two
     * sublattices) and no other level within 1.2 eV. Within each valley v_x = v_F σ_x, so Σ_{n,m} |⟨n|ħv_x|m⟩|² over
     * the four = 4(ħv_F)², ħv_F = 3t₀a₀/2, and with δ_η(0) = 1/(η√(2π)):
     * G_xx = (2πe²/ħ)·4(ħv_F)²/(2πη²A) ⇒ G/(e²/h) = 8π(ħv_F)²/(Aη²). A clean crystal conducts ballistically: σ has
     * no finite limit as η shrinks (here 1/η², discrete levels at E_F; 1/η once η exceeds the level spacing).
     */
    @Test
    void cleanGrapheneConductivityIsCarriedByTheDiracStatesWithoutAFiniteLimitInEta() {
        Frame graphene = CarbonStructures.graphene(12, 7);
        double hbarFermiVelocity = 1.5 * T0 * CarbonStructures.BOND;
        double area = graphene.box().area();
        for (double eta : new double[] {0.2, 0.1, 0.05}) {
            KuboGreenwoodConductivity sigma = label(ElectronicLabelParameters.DEFAULT.withConductivity(true, eta), graphene)
                    .conductivity();
            double expected = 8 * Math.PI * hbarFermiVelocity * hbarFermiVelocity / (area * eta * eta);
            assertEquals(expected, sigma.sheetConductanceQuanta(), 1e-6 * expected, "η = " + eta + " eV");
            for (int alpha = 0; alpha < 2; alpha++) {
                assertEquals(sigma.conductivity(), sigma.components()[alpha], 1e-6 * sigma.conductivity(), "isotropic");
            }
        }
    }

    /** Sheet conductance, e²/h and S/m agree; a bulk frame divides by the cell volume and has no current along z here. */
    @Test
    void conductivityUnitsAgreeBetweenMonolayerAndBulkConventions() {
        Frame sheet = CarbonStructures.withVacancies(CarbonStructures.graphene(6, 4), 3, 9);
        KuboGreenwoodConductivity monolayer = label(ElectronicLabelParameters.DEFAULT, sheet).conductivity();
        assertEquals(monolayer.sheetConductance(), monolayer.sheetConductanceQuanta() * 3.874045865e-5,
                1e-9 * monolayer.sheetConductance());
        assertEquals(monolayer.sheetConductance() / (3.35e-10), monolayer.conductivity(), 1e-9 * monolayer.conductivity());
        assertEquals(3.35, monolayer.thickness(), 0.0);
        KuboGreenwoodConductivity bulk = label(ElectronicLabelParameters.DEFAULT, sheet.withDimension(3)).conductivity();
        assertTrue(Double.isNaN(bulk.sheetConductance()));
        assertEquals(0.0, bulk.components()[2], 0.0);
        double lz = sheet.box().lz();
        for (int alpha = 0; alpha < 2; alpha++) {
            double sheetComponent = monolayer.components()[alpha] * 3.35e-10;
            assertEquals(sheetComponent / (lz * 1e-10), bulk.components()[alpha], 1e-9 * bulk.components()[alpha]);
        }
        assertEquals((bulk.components()[0] + bulk.components()[1]) / 3, bulk.conductivity(), 1e-9 * bulk.conductivity());
    }

    @Test
    void dosOnlyLabelHasNoConductivityAndNonCarbonIsRefused() {
        Frame graphene = CarbonStructures.graphene(6, 4);
        assertNull(label(DOS_ONLY, graphene).conductivity());
        Frame silicon = new Frame(graphene.positions(), graphene.types(), 1, new String[] {"Si"}, null, null,
                graphene.box(), 2, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> label(DOS_ONLY, silicon));
        assertTrue(e.getMessage().contains("carbon") && e.getMessage().contains("Si"), e.getMessage());
    }
}
