package org.spr.fixes.hook;

import java.util.List;
import java.util.Map;

/**
 * A {@link HookFactory} made of data: its name, its one-line description, the function that makes the hook from its
 * parameters and the help lines of those parameters. A factory found by {@link java.util.ServiceLoader} or by class
 * name needs a public no-argument constructor, so a hook writes
 * <pre>{@code
 * public static final class Factory extends NamedHookFactory {
 *     public Factory() {
 *         super("thermo", "step, time, temperature and potential energy per atom", ThermoHook::create);
 *     }
 * }
 * }</pre>
 */
public abstract class NamedHookFactory implements HookFactory {

    /** Makes the hook from its {@code key=value} parameters (unknown keys and bad values: an {@link IllegalArgumentException}). */
    @FunctionalInterface
    public interface Maker {
        Hook create(Map<String, String> parameters) throws Exception;
    }

    private final String name;
    private final String description;
    private final Maker maker;
    private final List<String> parameterHelp;

    /**
     * @param name          short name used on the command line, e.g. "rdf"
     * @param description   one line shown in {@code spr run --help}
     * @param maker         makes the hook from its parameters
     * @param parameterHelp its parameters, one line each as {@code name=DEFAULT  meaning}
     */
    protected NamedHookFactory(String name, String description, Maker maker, String... parameterHelp) {
        this.name = name;
        this.description = description;
        this.maker = maker;
        this.parameterHelp = List.of(parameterHelp);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<String> parameterHelp() {
        return parameterHelp;
    }

    @Override
    public final Hook create(Map<String, String> parameters) throws Exception {
        return maker.create(parameters);
    }
}
