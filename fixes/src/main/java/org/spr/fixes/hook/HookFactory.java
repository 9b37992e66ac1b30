package org.spr.fixes.hook;

import java.util.Map;

/**
 * Makes a hook from its parameters. Built-in factories are found by name in {@link Hooks}; users add their own by
 * class name ({@code --hook ID=com.example.MyFactory:key=value}) or by listing the class in
 * {@code META-INF/services/org.spr.fixes.hook.HookFactory} (then by {@link #name()}).
 */
public interface HookFactory {

    /** Short name used on the command line, e.g. "rdf" or "predict". */
    String name();

    /** One line shown in {@code spr run --help}. */
    String description();

    /** Its parameters, one line each as {@code name=DEFAULT  meaning}, shown in {@code spr help run}. */
    default java.util.List<String> parameterHelp() {
        return java.util.List.of();
    }

    Hook create(Map<String, String> parameters) throws Exception;
}
