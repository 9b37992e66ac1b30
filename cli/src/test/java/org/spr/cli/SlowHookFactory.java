package org.spr.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.spr.fixes.hook.Hook;
import org.spr.fixes.hook.NamedHookFactory;

/** A user hook that is slow: on its first step it writes the file {@code marker=} and then sleeps for a minute. */
public final class SlowHookFactory extends NamedHookFactory {
    public SlowHookFactory() {
        super("slow", "sleeps for a minute on its first step (tests)", SlowHookFactory::slowHook);
    }

    private static Hook slowHook(Map<String, String> parameters) {
        String marker = parameters.get("marker");
        return (step, sink) -> {
            if (marker != null) {
                Files.writeString(Path.of(marker), Long.toString(ProcessHandle.current().pid()));
            }
            Thread.sleep(60_000);
        };
    }
}
