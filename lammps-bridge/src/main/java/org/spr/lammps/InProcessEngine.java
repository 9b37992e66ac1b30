package org.spr.lammps;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * LAMMPS in this process. Fastest, but with a library built without exceptions (Debian's) an error in a command
 * ends the whole JVM: use it for trusted input, and {@link IsolatedEngine} for user scripts.
 */
public final class InProcessEngine implements LammpsEngine {

    private final Lammps lammps;
    private final RecordSink sink;

    public InProcessEngine(List<String> arguments, RecordSink sink) {
        this.lammps = Lammps.open(arguments);
        this.sink = sink == null ? RecordSink.NONE : sink;
    }

    /** The instance itself, for code that needs more than the engine API. */
    public Lammps lammps() {
        return lammps;
    }

    @Override
    public void command(String command) {
        lammps.command(command);
    }

    @Override
    public void runScript(Path script, Map<String, FixBinding> bindings, AutomaticFix monitor) {
        ScriptRunner runner = new ScriptRunner(lammps, bindings, sink, null);
        if (monitor != null) {
            runner.addFixBeforeFirstRun(monitor.fixId(), monitor.every(), monitor.binding());
        }
        runner.run(script);
    }

    @Override
    public <T extends Serializable> T call(EngineTask<T> task) {
        try {
            return task.run(lammps, sink);
        } catch (LammpsException | IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new LammpsException("Task " + task.getClass().getSimpleName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        lammps.close();
    }
}
