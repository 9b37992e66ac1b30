package org.spr.lammps;

import java.io.Serializable;

/** A command of an input script and where it came from (1-based line of its first physical line). */
public record ScriptPosition(String file, int line, String command) implements Serializable {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
