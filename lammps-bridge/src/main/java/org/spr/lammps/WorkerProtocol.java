package org.spr.lammps;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Messages between {@link IsolatedEngine} (host) and {@link EngineWorker}, sent as serialised objects. */
final class WorkerProtocol {

    private WorkerProtocol() {
    }

    // host → worker
    record Open(List<String> arguments) implements Serializable {
    }

    record RunCommand(String command) implements Serializable {
    }

    record RunScript(String path, Map<String, FixBinding> bindings, LammpsEngine.AutomaticFix monitor)
            implements Serializable {
    }

    record RunTask(EngineTask<?> task) implements Serializable {
    }

    record Shutdown() implements Serializable {
    }

    // worker → host
    record Done(Serializable value) implements Serializable {
    }

    /**
     * A failure reported by the worker (Java exception in a task or callback, or a LAMMPS error with exceptions);
     * {@code workerEnds} when the worker ends right after it (a LAMMPS error: its instance is not closed).
     */
    record Failed(String message, String lammpsMessage, String command, String file, int line, String stackTrace,
                  boolean workerEnds) implements Serializable {
    }

    record Emitted(Serializable record) implements Serializable {
    }

    record At(ScriptPosition position) implements Serializable {
    }
}
