package org.spr.lammps;

import java.io.Serializable;

/**
 * How to make the Java callback for a {@code fix ID group external pf/callback N 1} of a script: the script runner
 * calls {@link #create} as soon as the fix exists (before any run), and the result is registered with LAMMPS.
 * Implementations must be serialisable named classes (records) so they can travel to the isolated worker.
 */
@FunctionalInterface
public interface FixBinding extends Serializable {
    FixExternalCallback create(Lammps lammps, String fixId, RecordSink sink) throws Exception;
}
