package org.spr.fixes.generate;

import org.spr.fixes.label.AllenFeldmanParameters;
import org.spr.fixes.label.PhononDosParameters;
import org.spr.fixes.label.VibrationalLabel;
import org.spr.fixes.label.VibrationalLabels;
import org.spr.fixes.protocol.Potential;
import org.spr.lammps.EngineTask;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;

/**
 * Labels a stored structure (a LAMMPS data file, as {@code spr generate --structures} writes them) with the
 * vibrational labels, as an engine task: a fresh LAMMPS system ({@code clear}; units of the potential; the given
 * dimension; periodic; {@code read_data}), the potential, then {@link VibrationalLabel}. The structure is used as
 * stored (it was minimised when it was made; nothing is relaxed here).
 *
 * @param dataFile        absolute path of an uncompressed LAMMPS data file
 * @param potential       the potential the structure was made with
 * @param lammpsDimension 2 or 3
 * @param phononDos       PDOS parameters
 * @param displacement    finite-difference displacement
 * @param allenFeldman    κ parameters, or null
 */
public record StoredStructureLabel(String dataFile, Potential potential, int lammpsDimension, PhononDosParameters phononDos,
                                   double displacement, AllenFeldmanParameters allenFeldman)
        implements EngineTask<VibrationalLabels> {

    @Override
    public VibrationalLabels run(Lammps lammps, RecordSink sink) {
        lammps.command("clear");
        lammps.command("units " + potential.units());
        if (lammpsDimension == 2) {
            lammps.command("dimension 2");
        }
        lammps.commands(String.join("\n", "boundary p p p", "atom_style atomic", "atom_modify map array sort 0 0.0",
                "read_data " + dataFile, ""));
        lammps.commands(potential.massCommands());
        lammps.commands(potential.pairCommands());
        lammps.command("thermo_style custom step pe");
        lammps.command("run 0");
        return new VibrationalLabel(phononDos, displacement, allenFeldman).run(lammps, sink);
    }
}
