package org.spr.protocol;

import org.spr.lammps.EngineTask;

import java.util.Map;

/**
 * A way of making a structure with LAMMPS: a serialisable record of parameters (including its seed) that runs as an
 * engine task and returns the minimised structure. Parameters are validated when the record is made, before any
 * simulation.
 */
public interface Protocol extends EngineTask<ProtocolResult> {

    /** Short name recorded in datasets, e.g. "amc-quench". */
    String name();

    /** The seed everything random in the protocol derives from. */
    long seed();

    /** Parameter values by name (recorded in dataset rows). */
    Map<String, Object> parameters();
}
