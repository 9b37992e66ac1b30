package org.spr.generate;

import org.spr.label.PhononDosParameters;
import org.spr.protocol.Potential;
import org.spr.protocol.Protocol;
import org.spr.model.DescriptorSpec;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * How to make a labelled dataset for one material system: the protocol for a seed (its disorder knobs drawn from
 * the seed, so every structure is reproducible on its own and shards need no coordination), the g(r) descriptor,
 * and the phonon DOS label settings.
 *
 * @param system          system name recorded in rows, e.g. "AMC"
 * @param descriptor      the g(r) the structures are described by (grid, 2D/3D, inherent, species)
 * @param phononDos       PDOS label grid, broadening and units
 * @param parameterNames  protocol parameter names recorded per row (keys of {@link Protocol#parameters()})
 * @param units           units of the columns (energy_per_atom, parameters)
 * @param protocolForSeed the protocol of structure with this seed
 * @param potential       the potential the structures are made and labelled with
 * @param lammpsDimension LAMMPS {@code dimension} of the structures (AMC is a 3D LAMMPS system with a 2D g(r))
 * @param conventions     statements the dataset sidecar records in its protocol text (e.g. how monolayers were relaxed, which modes the PDOS
 *                        holds), name → text
 * @param allenFeldman    settings of the κ label (Lorentzian width, temperature, thickness, low-frequency cutoff), or null
 *                        for the defaults of {@link Label#allenFeldman}
 */
public record SystemRecipe(String system, DescriptorSpec descriptor, PhononDosParameters phononDos,
                           List<String> parameterNames, Map<String, String> units, LongFunction<Protocol> protocolForSeed,
                           Potential potential, int lammpsDimension, Map<String, String> conventions,
                           org.spr.label.AllenFeldmanParameters allenFeldman) {
    public SystemRecipe {
        conventions = conventions == null ? Map.of() : Map.copyOf(conventions);
    }

    /** The same recipe making every structure with another protocol (e.g. a user's melt-quench schedule). */
    public SystemRecipe withProtocol(LongFunction<Protocol> newProtocolForSeed) {
        return new SystemRecipe(system, descriptor, phononDos, parameterNames, units, newProtocolForSeed, potential,
                lammpsDimension, conventions, allenFeldman);
    }

    /** The same recipe with other descriptor, PDOS and κ settings (a system file's). */
    public SystemRecipe withSettings(DescriptorSpec newDescriptor, PhononDosParameters newPhononDos,
                                     org.spr.label.AllenFeldmanParameters newAllenFeldman) {
        return new SystemRecipe(system, newDescriptor, newPhononDos, parameterNames, units, protocolForSeed, potential,
                lammpsDimension, conventions, newAllenFeldman);
    }
}
