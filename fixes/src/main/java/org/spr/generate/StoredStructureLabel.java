package org.spr.generate;

import org.spr.label.AllenFeldmanParameters;
import org.spr.label.DataFileStructure;
import org.spr.label.PhononDosParameters;
import org.spr.label.VibrationalLabel;
import org.spr.label.VibrationalLabels;
import org.spr.protocol.Potential;
import org.spr.lammps.EngineTask;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;

/**
 * Labels a stored structure (a LAMMPS data file, as {@code spr generate --structures} writes them) with the
 * vibrational labels, as an engine task: a fresh LAMMPS system ({@code clear}, the given dimension, then
 * {@link DataFileStructure}: units and potential, {@code read_data}), then {@link VibrationalLabel}. The structure is used as
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
        if (lammpsDimension == 2) {
            lammps.command("dimension 2");
        }
        new DataFileStructure(dataFile, "atomic", potential).run(lammps, sink);
        lammps.command("thermo_style custom step pe");
        lammps.command("run 0");
        return new VibrationalLabel(phononDos, displacement, allenFeldman).run(lammps, sink);
    }
}
