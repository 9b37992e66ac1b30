package org.spr.protocol;

import org.spr.potential.ZhouEamAlloyWriter;
import org.spr.lammps.Lammps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The systems of the linear-SPR paper, ready for {@link DistortRemoveRelax} and {@link MeltQuench}: 2D and 3D
 * Lennard-Jones, amorphous SiC (Tersoff, or MACE through ML-IAP) and the Cu–Al–Zr metallic glass (Zhou 2004 EAM), plus
 * the binary CuZr glass with Debian's Mendelev potential. Crystals start at the potential's zero-pressure lattice.
 */
public final class Systems {

    /** Zero-pressure density of the triangular LJ crystal (cut at 2.5 σ, shifted), measured with LAMMPS box/relax. */
    public static final double LJ_2D_DENSITY = 0.9318;
    /** Zero-pressure density of the FCC LJ crystal (cut at 2.5 σ, shifted), measured with LAMMPS box/relax. */
    public static final double LJ_3D_DENSITY = 1.0750;
    /** Lennard-Jones cutoff (σ). */
    public static final double LJ_CUTOFF = 2.5;
    /** Zincblende SiC lattice constant with Tersoff's 1989 SiC potential (Å; LAMMPS gives 4.3212). */
    public static final double SIC_LATTICE = 4.3212;
    /** File name of the generated Zhou 2004 Cu–Al–Zr EAM (species order Cu Al Zr). */
    public static final String CU_AL_ZR_FILE = "CuAlZr_zhou2004.eam.alloy";
    public static final String CU_ZR_FILE = "CuZr_mm.eam.fs";
    /** The Cheng–Ma–Sheng glass composition. */
    public static final Composition CU_AL_ZR_GLASS = Composition.parse("Cu46Zr46Al8");

    // volumes per atom (Å³) of the elemental ground states with the potentials used: fcc a³/4, hcp √3/4·a²·c
    private static final double ZHOU_VOLUME_CU = Math.pow(3.615, 3) / 4;
    private static final double ZHOU_VOLUME_AL = Math.pow(4.05, 3) / 4;
    private static final double ZHOU_VOLUME_ZR = Math.sqrt(3) / 4 * 3.20 * 3.20 * (1.593 * 3.20);
    private static final double MENDELEV_VOLUME_CU = Math.pow(3.639, 3) / 4;
    private static final double MENDELEV_VOLUME_ZR = Math.sqrt(3) / 4 * 3.234 * 3.234 * 5.168;

    private Systems() {
    }

    /** 2D LJ: triangular ({@code hex}) crystal of 2·cellsX·cellsY atoms, {@code lj} units. */
    public static MaterialSystem lennardJones2d(int cellsX, int cellsY) {
        return new MaterialSystem("lj2d", Crystal.of("lj", 2, "hex", LJ_2D_DENSITY, cellsX, cellsY, 1),
                Potential.lennardJones(LJ_CUTOFF));
    }

    /** 3D LJ: FCC crystal of 4·cells³ atoms, {@code lj} units. */
    public static MaterialSystem lennardJones3d(int cells) {
        return new MaterialSystem("lj3d", Crystal.of("lj", 3, "fcc", LJ_3D_DENSITY, cells, cells, cells),
                Potential.lennardJones(LJ_CUTOFF));
    }

    /** Reduced number density of the Kob–Andersen mixture (Kob &amp; Andersen 1995). */
    public static final double KOB_ANDERSEN_DENSITY = 1.2;

    /**
     * Kob–Andersen 80:20 binary LJ ({@link Potential#kobAndersen}): an FCC crystal of 4·cells³ sites at ρ* = 1.2 with A
     * and B assigned at random at 80:20 (the "crystal" the distort–remove–relax protocol starts from; its glasses come
     * from {@link MeltQuench}), {@code lj} units.
     */
    public static MaterialSystem kobAndersen(int cells) {
        return new MaterialSystem("ka", new Crystal("lj", 3, "fcc", KOB_ANDERSEN_DENSITY, List.of(), List.of(0.8, 0.2),
                cells, cells, cells), Potential.kobAndersen());
    }

    /** SiC: zincblende crystal of 8·cells³ atoms (Si type 1, C type 2), Tersoff's {@code SiC.tersoff}. */
    public static MaterialSystem siliconCarbide(int cells) {
        return new MaterialSystem("sic", zincblende(cells), Potential.tersoff("SiC.tersoff", "Si", "C"));
    }

    /**
     * SiC with a MACE model through ML-IAP ({@code pair_style mliap unified MODEL 0}); running it needs a LAMMPS
     * with ML-IAP and PYTHON ({@link #requireMlIap}, checked by the protocols). The model file must exist.
     */
    public static MaterialSystem siliconCarbideMace(String modelFile, int cells) {
        return new MaterialSystem("sic-mace", zincblende(cells), Potential.mlIapUnified(modelFile, "Si", "C"));
    }

    private static Crystal zincblende(int cells) {
        return new Crystal("metal", 3, "diamond", SIC_LATTICE, List.of(1, 1, 1, 1, 2, 2, 2, 2), List.of(),
                cells, cells, cells);
    }

    /**
     * Cu–Al–Zr: FCC crystal of 4·cells³ sites with Cu, Al, Zr assigned at random at the composition, Zhou 2004 EAM
     * ({@code eam/alloy}) written by {@link ZhouEamAlloyWriter} into the directory (unless already there). The lattice
     * constant a = (4 Σ c_i V_i)^{1/3} averages the elements' volumes per atom.
     *
     * @param composition e.g. {@link #CU_AL_ZR_GLASS}; species among Cu, Al, Zr
     * @param directory   existing directory for the potential file
     */
    public static MaterialSystem copperAluminiumZirconium(Composition composition, int cells, Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("Potential directory " + directory + " does not exist.");
        }
        List<String> species = List.of("Cu", "Al", "Zr");
        List<Double> fractions = composition.fractionsFor(species);
        Path file = directory.resolve(CU_AL_ZR_FILE);
        if (!Files.isRegularFile(file)) {
            new ZhouEamAlloyWriter().write(file, species);
        }
        double volume = fractions.get(0) * ZHOU_VOLUME_CU + fractions.get(1) * ZHOU_VOLUME_AL
                + fractions.get(2) * ZHOU_VOLUME_ZR;
        return new MaterialSystem("cualzr", randomFcc(volume, fractions, cells),
                Potential.eamAlloy(file.toAbsolutePath().toString(), "Cu", "Al", "Zr"));
    }

    /** Binary Cu–Zr: random FCC at the composition (species Cu, Zr) with Debian's Mendelev {@code CuZr_mm.eam.fs}. */
    public static MaterialSystem copperZirconium(Composition composition, int cells) {
        List<Double> fractions = composition.fractionsFor(List.of("Cu", "Zr"));
        double volume = fractions.get(0) * MENDELEV_VOLUME_CU + fractions.get(1) * MENDELEV_VOLUME_ZR;
        return new MaterialSystem("cuzr", randomFcc(volume, fractions, cells), Potential.eamFs(CU_ZR_FILE, "Cu", "Zr"));
    }

    private static Crystal randomFcc(double volumePerAtom, List<Double> fractions, int cells) {
        return new Crystal("metal", 3, "fcc", Math.cbrt(4 * volumePerAtom), List.of(), fractions, cells, cells, cells);
    }

    /**
     * Refuses, in one sentence, an ML-IAP potential the loaded LAMMPS cannot run (see {@link #mlIapUnavailable}): the
     * MACE variant is not substituted silently, the Tersoff variant {@code sic} is named instead.
     */
    public static void requireMlIap(Lammps lammps, Potential potential) {
        String reason = mlIapUnavailable(lammps.version(), lammps.hasStyle("pair", "mliap"), lammps.hasPackage("PYTHON"),
                potential.pairStyle());
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
    }

    /**
     * Why the MACE variant {@code sic-mace} (its input script runs {@code pair_style mliap unified MODEL 0}) cannot run
     * on the loaded LAMMPS library, in one sentence, or null when it can.
     *
     * @param modelFile the MACE model exported for ML-IAP, as the script's {@code model} variable names it
     */
    public static String maceUnavailable(Path modelFile) {
        return mlIapUnavailable(0, Lammps.libraryHasPackage("ML-IAP"), Lammps.libraryHasPackage("PYTHON"),
                "mliap unified " + modelFile + " 0");
    }

    /**
     * What a {@code pair_style mliap …} needs and may lack: the ML-IAP package (pair style {@code mliap}); for
     * {@code mliap unified} (the route MACE takes) ML-IAP compiled with Python support, which needs the PYTHON package
     * (LAMMPS 4 Feb 2025 built without it has ML-IAP but stops with "Using pair_style mliap unified requires ML-IAP
     * with python support"); and the unified model file.
     *
     * @return one sentence naming what is missing and the Tersoff variant, or null when nothing is
     */
    static String mlIapUnavailable(int version, boolean hasMlIap, boolean hasPython, String pairStyle) {
        String lammps = version > 0 ? "This LAMMPS (" + version + ")" : "This LAMMPS";
        String instead = "; use the Tersoff variant sic (SiC.tersoff) instead or a LAMMPS built with ML-IAP and PYTHON.";
        if (!hasMlIap) {
            return lammps + " has no pair style mliap (package ML-IAP), so the MACE variant sic-mace cannot run" + instead;
        }
        String[] words = pairStyle.strip().split("\\s+");
        if (words.length >= 2 && words[0].equals("mliap") && words[1].equals("unified")) {
            if (!hasPython) {
                return lammps + " has ML-IAP but not the PYTHON package that 'pair_style mliap unified' (the route MACE"
                        + " takes) needs, so the MACE variant sic-mace cannot run" + instead;
            }
            if (words.length < 3 || !Files.isReadable(Path.of(words[2]))) {
                return "The MACE model file " + (words.length < 3 ? "(none given)" : words[2]) + " of 'pair_style mliap"
                        + " unified' does not exist or is not readable, so the MACE variant sic-mace cannot run; export one"
                        + " with mace.cli.create_lammps_model --format=mliap (see inputs/sic-mace/README.md) or use the"
                        + " Tersoff variant sic (SiC.tersoff).";
            }
        }
        return null;
    }
}
