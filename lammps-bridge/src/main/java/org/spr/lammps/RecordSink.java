package org.spr.lammps;

import java.io.Serializable;

/**
 * Where code running next to LAMMPS (a task or a {@code fix external} callback) sends its results. In the isolated
 * engine each record is serialised to the host at once, so nothing emitted is lost if LAMMPS dies afterwards.
 */
@FunctionalInterface
public interface RecordSink {
    void emit(Serializable record);

    /** A sink that drops everything. */
    RecordSink NONE = record -> { };
}
