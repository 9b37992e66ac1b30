package org.spr.fixes.hook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds hook factories: built-in and service-registered ones by name, others by class name. */
public final class Hooks {

    private Hooks() {
    }

    /** All factories known by name (built-in first, then those registered as services). */
    public static Map<String, HookFactory> available() {
        Map<String, HookFactory> byName = new LinkedHashMap<>();
        for (HookFactory factory : List.of(new ThermoHook.Factory(), new RdfHook.Factory(), new PredictHook.Factory())) {
            byName.put(factory.name(), factory);
        }
        for (HookFactory factory : ServiceLoader.load(HookFactory.class)) {
            byName.putIfAbsent(factory.name(), factory);
        }
        return byName;
    }

    /** The factory for a name or a class name; a clear exception naming the known hooks when there is none. */
    public static HookFactory factory(String nameOrClass) {
        HookFactory factory = available().get(nameOrClass);
        if (factory != null) {
            return factory;
        }
        if (nameOrClass.contains(".")) {
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                Object instance = Class.forName(nameOrClass, true, loader != null ? loader : Hooks.class.getClassLoader())
                        .getDeclaredConstructor().newInstance();
                if (instance instanceof HookFactory hookFactory) {
                    return hookFactory;
                }
                throw new IllegalArgumentException("Class " + nameOrClass + " is not a " + HookFactory.class.getName() + ".");
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("Hook class " + nameOrClass + " cannot be loaded: " + e);
            }
        }
        throw new IllegalArgumentException("Unknown hook '" + nameOrClass + "'; known hooks: "
                + String.join(", ", new ArrayList<>(available().keySet())) + " (or a HookFactory class name).");
    }
}
