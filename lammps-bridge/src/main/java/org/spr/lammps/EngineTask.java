package org.spr.lammps;

import java.io.Serializable;

/**
 * Work done next to LAMMPS, in the caller's process ({@link InProcessEngine}) or in the worker
 * ({@link IsolatedEngine}): it must be a serialisable named class (a record is ideal) so that it can travel to
 * the worker. Intermediate results go to the sink as they are produced; the return value is the final result.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface EngineTask<T extends Serializable> extends Serializable {
    T run(Lammps lammps, RecordSink sink) throws Exception;
}
