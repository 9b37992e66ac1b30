package org.spr.lammps;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;

/**
 * One shape for running LAMMPS, whether in this process ({@link InProcessEngine}) or in a worker JVM
 * ({@link IsolatedEngine}). Commands, scripts and tasks run one at a time; records that tasks and callbacks emit
 * reach the engine's {@link RecordSink} as they are produced. A LAMMPS error becomes a {@link LammpsException}
 * with LAMMPS's message and, for scripts, the file and line.
 */
public interface LammpsEngine extends AutoCloseable {

    /** Executes one LAMMPS command. */
    void command(String command);

    /** Executes a LAMMPS input script command by command (see {@link ScriptRunner}), binding callbacks to fixes. */
    default void runScript(Path script, Map<String, FixBinding> bindings) {
        runScript(script, bindings, null);
    }

    /**
     * As {@link #runScript(Path, Map)}, and with a monitor fix added before the first run when the script has none
     * (zero-edit mode); {@code monitor} may be null.
     */
    void runScript(Path script, Map<String, FixBinding> bindings, AutomaticFix monitor);

    /** A {@code fix ID all external pf/callback N 1} the runner adds before the first run, with its binding. */
    record AutomaticFix(String fixId, int every, FixBinding binding) implements java.io.Serializable {
    }

    /** Runs Java code next to LAMMPS and returns its result. */
    <T extends Serializable> T call(EngineTask<T> task);

    /** A thermo keyword's current value. */
    default double thermo(String keyword) {
        return call(new Queries.Thermo(keyword));
    }

    /** An equal-style variable's value. */
    default double variable(String name) {
        return call(new Queries.Variable(name));
    }

    /** Total number of atoms. */
    default long natoms() {
        return call(new Queries.Natoms());
    }

    /** Rank of this process's LAMMPS in its MPI world (0 without {@code mpirun}). */
    default int rank() {
        return call(new Queries.Rank());
    }

    /** LAMMPS version date, e.g. 20210929. */
    default int version() {
        return call(new Queries.Version());
    }

    /** Ends LAMMPS; idempotent. */
    @Override
    void close();
}
