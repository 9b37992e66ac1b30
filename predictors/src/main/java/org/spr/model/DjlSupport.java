package org.spr.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** DJL engine access with the project's rules: offline (no download, the PyTorch native jar is on the classpath), CPU unless asked. */
final class DjlSupport {

    static final String ENGINE = "PyTorch";

    private DjlSupport() {
    }

    private static volatile boolean threadsApplied;

    /** The PyTorch engine, with {@code ai.djl.offline=true} set before first use and the {@link CnnThreads} applied once. */
    static Engine engine() {
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        Engine engine = Engine.getEngine(ENGINE);
        if (!threadsApplied) {
            synchronized (DjlSupport.class) {
                if (!threadsApplied) {
                    threadsApplied = true;
                    CnnThreads.apply();
                }
            }
        }
        return engine;
    }

    /** A GPU when asked for and present, else the CPU. */
    static Device device(boolean useGpuWhenPresent) {
        Engine engine = engine();
        return useGpuWhenPresent && engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }
}
