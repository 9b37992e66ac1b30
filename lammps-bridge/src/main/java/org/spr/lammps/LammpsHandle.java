package org.spr.lammps;

import com.sun.jna.Pointer;
import com.sun.jna.PointerType;

/**
 * The opaque {@code void *handle} of one LAMMPS instance, as {@code lammps_open*} returns it and every other function
 * of {@code library.h} takes it. A type of its own so that a handle cannot be confused with the other pointers of the
 * interface (data arrays, ids, callbacks). Only {@link Lammps} holds one; JNA needs the public no-argument constructor.
 */
public final class LammpsHandle extends PointerType {

    /** For JNA (a native function returning a handle). */
    public LammpsHandle() {
    }

    LammpsHandle(Pointer address) {
        super(address);
    }
}
