package org.spr.lammps;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.spr.lammps.LibraryConstants.AtomData;
import org.spr.lammps.LibraryConstants.DataType;
import org.spr.lammps.LibraryConstants.Shape;
import org.spr.lammps.LibraryConstants.Style;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A LAMMPS instance in this process: the safe facade over {@link LibraryH}.
 *
 * <ul>
 *   <li>AutoCloseable; {@link #close()} is idempotent; any other call after close is refused.</li>
 *   <li>Thread affinity: every call must come from the thread that opened the instance (LAMMPS is not thread-safe);
 *       a call from another thread is refused with a message naming both threads.</li>
 *   <li>Views ({@link #positionsView()}, {@link #typesView()}, {@link #perAtomDoubleView}) are zero-copy and
 *       read-only, valid until the next command (a command may reallocate or reorder LAMMPS's arrays);
 *       {@link #gatherPositions()} and friends copy, ordered by atom ID.</li>
 *   <li>Errors: every native call that takes the instance goes through one chokepoint ({@link #checkError}), which
 *       turns LAMMPS's error (libraries built with exceptions) or a failure inside a Java {@code fix external}
 *       callback into a {@link LammpsException} carrying LAMMPS's own message. The Debian library has no exceptions:
 *       an error there ends the process, which is why user input runs in {@link IsolatedEngine}.</li>
 *   <li>After a LAMMPS error the instance is <em>poisoned</em> ({@link #isPoisoned()}): it still takes commands,
 *       but {@link #close()} leaves it open on purpose. LAMMPS may have left it inconsistent (LAMMPS 4 Feb 2025
 *       crashes in {@code lammps_close} after a failed {@code pair_coeff} of {@code pair_style eam}), so its memory
 *       is leaked rather than risk ending the JVM. The isolated worker ends after such an error.</li>
 * </ul>
 */
public final class Lammps implements AutoCloseable {

    /** Arguments used by {@link #open()}: no log file, no citation reminder, screen output kept. */
    public static final List<String> DEFAULT_ARGUMENTS = List.of("-log", "none", "-nocite");

    /** Callbacks of instances left open after an error: LAMMPS may still hold their addresses. */
    private static final List<Object> LEAKED_CALLBACKS = new ArrayList<>();

    private final LibraryH library;
    private final Thread owner;
    private final int tagintSize;
    private final int imageintSize;
    private final boolean exceptions;
    /** Callbacks registered with LAMMPS, held here so the garbage collector cannot free them while the fix exists. */
    private final Map<String, LibraryH.FixExternalCallback> callbacks = new HashMap<>();
    private LammpsHandle handle;
    /** The first LAMMPS error this instance reported, or null: a poisoned instance is never closed. */
    private String poisonedBy;
    /** Nesting depth of Java callbacks running inside a LAMMPS run (calls from there must not issue commands). */
    private int callbackDepth;
    private Throwable callbackFailure;
    private boolean stopRequested;
    private long callbackFailureStep;
    private String callbackFailureFix;

    private Lammps(LibraryH library, LammpsHandle handle) {
        this.library = library;
        this.handle = handle;
        this.owner = Thread.currentThread();
        int bigint = library.lammps_extract_setting(handle, "bigint");
        if (bigint != 8) {
            library.lammps_close(handle);
            throw new LammpsException("This LAMMPS library was compiled with -DLAMMPS_SMALLSMALL (bigint of " + bigint
                    + " bytes); only smallbig and bigbig builds are supported.");
        }
        this.tagintSize = library.lammps_extract_setting(handle, "tagint");
        this.imageintSize = library.lammps_extract_setting(handle, "imageint");
        this.exceptions = library.lammps_config_has_exceptions() != 0;
    }

    /** Opens LAMMPS with {@link #DEFAULT_ARGUMENTS}. */
    public static Lammps open() {
        return open(DEFAULT_ARGUMENTS);
    }

    /**
     * Opens LAMMPS with command-line arguments (as for {@code lmp}, e.g. {@code -screen none}, {@code -var t 300}).
     * Under {@code mpirun} the instance spans MPI_COMM_WORLD (LAMMPS initialises MPI if needed).
     */
    public static Lammps open(List<String> arguments) {
        return open(arguments, (library, argv) -> library.lammps_open_no_mpi(argv.length, argv, null),
                "LAMMPS refused to start with arguments " + arguments + ".");
    }

    /**
     * Opens LAMMPS on an MPI communicator given by its Fortran handle ({@code MPI_Comm_c2f}); 0 is MPI_COMM_WORLD in
     * Open MPI and MPICH.
     */
    public static Lammps openOnCommunicator(int fortranCommunicator, List<String> arguments) {
        return open(arguments, (library, argv) -> library.lammps_open_fortran(argv.length, argv, fortranCommunicator),
                "LAMMPS refused to start on communicator " + fortranCommunicator + ".");
    }

    /** Opens LAMMPS through {@code opener} (a {@code lammps_open*} call on the argument vector); a null handle is refused with {@code refusal}. */
    private static Lammps open(List<String> arguments, java.util.function.BiFunction<LibraryH, String[], LammpsHandle> opener,
                               String refusal) {
        LibraryH library = LibraryLoader.library();
        LammpsHandle handle = opener.apply(library, argv(arguments));
        if (handle == null) {
            throw new LammpsException(refusal);
        }
        return new Lammps(library, handle);
    }

    /**
     * Finalises MPI; call once at the very end of a program that ran under {@code mpirun}, after every instance is
     * closed. No LAMMPS instance can be opened afterwards in this process.
     */
    public static void finalizeMpi() {
        LibraryLoader.library().lammps_mpi_finalize();
    }

    /**
     * {@link #finalizeMpi()} when this process loaded LAMMPS (and so may have initialised MPI), else nothing; for the
     * end of a program's main. LAMMPS's finalize does nothing when MPI was never initialised or is finalised already.
     */
    public static void finalizeMpiIfLoaded() {
        if (LibraryLoader.isLoaded()) {
            finalizeMpi();
        }
    }

    /** Where the native library was loaded from (a path or a library name). */
    public static String libraryLocation() {
        return LibraryLoader.loadedFrom();
    }

    /** Whether the loaded library turns errors into recoverable exceptions (false for Debian's 2021 package). */
    public static boolean libraryHasExceptions() {
        return LibraryLoader.library().lammps_config_has_exceptions() != 0;
    }

    /** Whether the loaded library was compiled with a package (e.g. "MANYBODY", "ML-IAP"). */
    public static boolean libraryHasPackage(String name) {
        return LibraryLoader.library().lammps_config_has_package(name) != 0;
    }

    /** Names of all packages compiled into the loaded library. */
    public static List<String> libraryPackages() {
        LibraryH library = LibraryLoader.library();
        int count = library.lammps_config_package_count();
        List<String> names = new ArrayList<>(count);
        byte[] buffer = new byte[256];
        for (int i = 0; i < count; i++) {
            if (library.lammps_config_package_name(i, buffer, buffer.length) != 0) {
                names.add(Native.toString(buffer, StandardCharsets.UTF_8.name()));
            }
        }
        return names;
    }

    private static String[] argv(List<String> arguments) {
        List<String> all = new ArrayList<>(arguments.size() + 1);
        all.add("spr");
        all.addAll(arguments);
        return all.toArray(new String[0]);
    }

    // ------------------------------------------------------------------ commands

    /** Executes one LAMMPS command. */
    public void command(String command) {
        Objects.requireNonNull(command, "command");
        ensureUsable();
        library.lammps_command(handle, command);
        checkError(command);
    }

    /** Executes several commands separated by newlines (continuation with '&amp;' as in an input file). */
    public void commands(String commands) {
        Objects.requireNonNull(commands, "commands");
        ensureUsable();
        library.lammps_commands_string(handle, commands);
        checkError(commands);
    }

    /** Executes a LAMMPS input file (LAMMPS reads it itself: jump, include, next behave as in {@code lmp -in}). */
    public void file(Path input) {
        ensureUsable();
        library.lammps_file(handle, input.toString());
        checkError("file " + input);
    }

    /**
     * The error chokepoint, called after every native call that takes the instance (through {@link #nativeInt} and
     * its siblings, or directly after the calls that run commands). Outside callbacks it first ends a stop a callback
     * asked for and reports a callback's failure; then, for libraries built with exceptions, it turns LAMMPS's
     * pending error into a {@link LammpsException} (message without LAMMPS's "ERROR: " prefix and its "Last input
     * line" echo, which becomes {@link LammpsException#command()}) and marks the instance poisoned.
     *
     * @param command what was executed: the command text, or the library function and its argument
     */
    private void checkError(String command) {
        if (callbackDepth == 0) {
            checkCallbackOutcome(command);
        }
        if (exceptions && library.lammps_has_error(handle) != 0) {
            byte[] buffer = new byte[4096];
            library.lammps_get_last_error_message(handle, buffer, buffer.length);
            LammpsException.Report report = LammpsException.Report.parse(Native.toString(buffer, StandardCharsets.UTF_8.name()));
            if (poisonedBy == null) {
                poisonedBy = report.message();
            }
            String failing = report.lastInputLine() != null ? report.lastInputLine() : firstLine(command);
            throw new LammpsException(LammpsException.describe(report.message(), failing, null), report.message(),
                    failing, null, 0, null);
        }
    }

    private void checkCallbackOutcome(String command) {
        if (stopRequested) {
            stopRequested = false;
            library.lammps_command(handle, "timer timeout off");
        }
        if (callbackFailure != null) {
            Throwable failure = callbackFailure;
            long step = callbackFailureStep;
            String fix = callbackFailureFix;
            callbackFailure = null;
            library.lammps_command(handle, "timer timeout off");
            throw new LammpsException("The Java callback of fix " + fix + " failed at step " + step + ": "
                    + failure.getMessage() + " (the run was stopped there)", null, command, null, 0, failure);
        }
    }

    /** A native call returning an int, through the chokepoint. */
    private int nativeInt(String what, IntSupplier call) {
        ensureUsable();
        int result = call.getAsInt();
        checkError(what);
        return result;
    }

    /** A native call returning a double, through the chokepoint. */
    private double nativeDouble(String what, DoubleSupplier call) {
        ensureUsable();
        double result = call.getAsDouble();
        checkError(what);
        return result;
    }

    /** A native call returning a pointer (or nothing: null), through the chokepoint. */
    private <T> T nativeCall(String what, Supplier<T> call) {
        ensureUsable();
        T result = call.get();
        checkError(what);
        return result;
    }

    /** Whether LAMMPS reported an error on this instance; if so, {@link #close()} will leave it open. */
    public boolean isPoisoned() {
        return poisonedBy != null;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " …";
    }

    // ------------------------------------------------------------------ features and settings

    /** LAMMPS version as a date number, e.g. 20210929. */
    public int version() {
        return nativeInt("lammps_version", () -> library.lammps_version(handle));
    }

    public boolean hasExceptions() {
        return exceptions;
    }

    /** Whether a style exists, e.g. {@code hasStyle("pair", "tersoff")}. */
    public boolean hasStyle(String category, String name) {
        return nativeInt("lammps_has_style " + category + " " + name, () -> library.lammps_has_style(handle, category, name)) != 0;
    }

    public boolean hasPackage(String name) {
        return library.lammps_config_has_package(name) != 0;
    }

    /** Whether an ID exists in a category ("compute", "fix", "variable", "group", …). */
    public boolean hasId(String category, String id) {
        return nativeInt("lammps_has_id " + category + " " + id, () -> library.lammps_has_id(handle, category, id)) != 0;
    }

    /** {@code lammps_extract_setting}, e.g. "dimension", "nlocal", "ntypes", "world_rank", "world_size". */
    public int setting(String keyword) {
        return nativeInt("lammps_extract_setting " + keyword, () -> library.lammps_extract_setting(handle, keyword));
    }

    /** Rank of this process in LAMMPS's world communicator (0 without MPI). */
    public int rank() {
        return Math.max(0, setting("world_rank"));
    }

    /**
     * The Fortran handle ({@code MPI_Comm_c2f}) of the communicator this instance runs on, or −1 when the library was
     * built without MPI (the STUBS library); see {@link Mpi}.
     */
    public int mpiCommunicatorHandle() {
        return nativeInt("lammps_get_mpi_comm", () -> library.lammps_get_mpi_comm(handle));
    }

    /** Number of MPI ranks LAMMPS runs on (1 without MPI). */
    public int ranks() {
        return Math.max(1, setting("world_size"));
    }

    /** Size in bytes of LAMMPS's tagint (atom IDs): 4 or 8. */
    public int tagintSize() {
        return tagintSize;
    }

    // ------------------------------------------------------------------ global state

    /** Total number of atoms. */
    public long natoms() {
        return (long) nativeDouble("lammps_get_natoms", () -> library.lammps_get_natoms(handle));
    }

    /** Atoms owned by this rank. */
    public int nlocal() {
        return setting("nlocal");
    }

    /** A thermo keyword's current value ("temp", "pe", "press", "step", …). */
    public double thermo(String keyword) {
        return nativeDouble("lammps_get_thermo " + keyword, () -> library.lammps_get_thermo(handle, keyword));
    }

    /** A global property from {@code lammps_extract_global} as a number ("dt", "ntimestep", "boltz", …). */
    public double global(String name) {
        int code = nativeInt("lammps_extract_global_datatype " + name, () -> library.lammps_extract_global_datatype(handle, name));
        DataType type = DataType.of(code);
        Pointer value = nativeCall("lammps_extract_global " + name, () -> library.lammps_extract_global(handle, name));
        if (value == null || type == DataType.NONE) {
            throw new LammpsException("LAMMPS has no global property '" + name + "'.");
        }
        return switch (type) {
            case INT -> value.getInt(0);
            case DOUBLE -> value.getDouble(0);
            case INT64 -> value.getLong(0);
            default -> throw new LammpsException("Global property '" + name + "' is not a number (data type " + type
                    + ", code " + code + ").");
        };
    }

    /**
     * A global array of doubles from {@code lammps_extract_global} (e.g. "sublo_lambda", "subhi_lambda": this rank's
     * sub-domain in fractional coordinates of a triclinic box; "sublo", "subhi" in box units).
     */
    public double[] globalVector(String name, int length) {
        ensureUsable();
        int type = library.lammps_extract_global_datatype(handle, name);
        Pointer value = library.lammps_extract_global(handle, name);
        if (value == null || type != 2) { // LAMMPS_DOUBLE: a double or an array of them
            throw new LammpsException("LAMMPS has no global double array '" + name + "'.");
        }
        return value.getDoubleArray(0, length);
    }

    /** The {@code units} style of the instance ("metal", "lj", "real", …). */
    public String unitStyle() {
        ensureUsable();
        Pointer value = library.lammps_extract_global(handle, "units");
        if (value == null) {
            throw new LammpsException("LAMMPS did not report its units style.");
        }
        return value.getString(0);
    }

    /** The box, orthogonal or triclinic. */
    public SimulationBox box() {
        double[] lo = new double[3];
        double[] hi = new double[3];
        double[] xy = new double[1];
        double[] yz = new double[1];
        double[] xz = new double[1];
        int[] periodic = new int[3];
        int[] boxflag = new int[1];
        nativeCall("lammps_extract_box", () -> {
            library.lammps_extract_box(handle, lo, hi, xy, yz, xz, periodic, boxflag);
            return null;
        });
        boolean triclinic = setting("triclinic") != 0;
        return new SimulationBox(lo[0], lo[1], lo[2], hi[0], hi[1], hi[2], xy[0], xz[0], yz[0],
                periodic[0] != 0, periodic[1] != 0, periodic[2] != 0, triclinic);
    }

    /** Changes the box ({@code lammps_reset_box}); atoms are not remapped. */
    public void resetBox(SimulationBox box) {
        nativeCall("lammps_reset_box", () -> {
            library.lammps_reset_box(handle, new double[]{box.xlo(), box.ylo(), box.zlo()},
                    new double[]{box.xhi(), box.yhi(), box.zhi()}, box.xy(), box.yz(), box.xz());
            return null;
        });
    }

    // ------------------------------------------------------------------ per-atom data

    /**
     * Positions of the local atoms x0,y0,z0,x1,…: a zero-copy read-only view of LAMMPS's array, in LAMMPS's local
     * order (not sorted by ID), valid until the next command.
     */
    public DoubleBuffer positionsView() {
        return perAtomDoubleView("x", 3);
    }

    /** Types (1-based) of the local atoms: a zero-copy read-only view, valid until the next command. */
    public IntBuffer typesView() {
        int nlocal = nlocal();
        Pointer type = nativeCall("lammps_extract_atom type", () -> library.lammps_extract_atom(handle, "type"));
        if (type == null || nlocal == 0) {
            return IntBuffer.allocate(0);
        }
        return type.getByteBuffer(0, 4L * nlocal).order(ByteOrder.nativeOrder()).asIntBuffer().asReadOnlyBuffer();
    }

    /** Atom IDs of the local atoms (a copy). */
    public long[] localIds() {
        int nlocal = nlocal();
        Pointer ids = nativeCall("lammps_extract_atom id", () -> library.lammps_extract_atom(handle, "id"));
        long[] result = new long[nlocal];
        for (int i = 0; i < nlocal; i++) {
            result[i] = tagintSize == 8 ? ids.getLong(8L * i) : ids.getInt(4L * i);
        }
        return result;
    }

    /**
     * A per-atom double property ("x", "v", "f" with 3 components; "q", "radius" with 1) as a zero-copy read-only
     * view over the local atoms, valid until the next command.
     */
    public DoubleBuffer perAtomDoubleView(String name, int components) {
        int nlocal = nlocal();
        int code = nativeInt("lammps_extract_atom_datatype " + name, () -> library.lammps_extract_atom_datatype(handle, name));
        Pointer data = nativeCall("lammps_extract_atom " + name, () -> library.lammps_extract_atom(handle, name));
        if (data == null) {
            throw new LammpsException("LAMMPS has no per-atom property '" + name + "' in this atom style.");
        }
        if (nlocal == 0) {
            return DoubleBuffer.allocate(0);
        }
        Pointer first = switch (DataType.of(code)) {
            case DOUBLE_2D -> data.getPointer(0);
            case DOUBLE -> data;
            default -> throw new LammpsException("Per-atom property '" + name + "' is not a double array (data type "
                    + DataType.of(code) + ", code " + code + ").");
        };
        return first.getByteBuffer(0, 8L * components * nlocal).order(ByteOrder.nativeOrder()).asDoubleBuffer()
                .asReadOnlyBuffer();
    }

    /** Per-type masses m[1..ntypes] (index 0 unused), or null when the atom style has per-atom masses. */
    public double[] massesPerType() {
        int ntypes = setting("ntypes");
        Pointer mass = nativeCall("lammps_extract_atom mass", () -> library.lammps_extract_atom(handle, "mass"));
        return mass == null ? null : mass.getDoubleArray(0, ntypes + 1);
    }

    /** All positions x0,y0,z0,x1,… copied and ordered by atom ID (IDs must be 1…N), on every rank. */
    public double[] gatherPositions() {
        return gatherDoubles("x", 3);
    }

    /** All forces, ordered by atom ID. */
    public double[] gatherForces() {
        return gatherDoubles("f", 3);
    }

    /** A per-atom double property of every atom, copied and ordered by atom ID ({@code lammps_gather_atoms}). */
    public double[] gatherDoubles(String name, int components) {
        ensureUsable();
        int values = (int) (components * natoms());
        return gather(name, AtomData.DOUBLE, components, values).getDoubleArray(0, values);
    }

    /** A per-atom int property ("type", "image", …) of every atom, ordered by ID. */
    public int[] gatherInts(String name, int components) {
        ensureUsable();
        int values = (int) (components * natoms());
        return gather(name, AtomData.INT, components, values).getIntArray(0, values);
    }

    /** {@code lammps_gather_atoms} of every atom's {@code components} values ({@code values} in all) into native memory. */
    private Memory gather(String name, AtomData data, int components, int values) {
        Memory memory = new Memory((long) data.bytes * Math.max(1, values));
        library.lammps_gather_atoms(handle, name, data.code, components, memory);
        checkError("gather_atoms " + name);
        return memory;
    }

    /** Sets a per-atom double property of every atom from an array ordered by atom ID ({@code lammps_scatter_atoms}). */
    public void scatterDoubles(String name, int components, double[] values) {
        ensureUsable();
        long natoms = natoms();
        if (values.length != components * natoms) {
            throw new IllegalArgumentException("scatter of '" + name + "' needs " + components * natoms
                    + " values (natoms × " + components + "), got " + values.length);
        }
        Memory memory = new Memory(8L * values.length);
        memory.write(0, values, 0, values.length);
        library.lammps_scatter_atoms(handle, name, AtomData.DOUBLE.code, components, memory);
        checkError("scatter_atoms " + name);
    }

    /** Sets all positions from an array ordered by atom ID. */
    public void scatterPositions(double[] positions) {
        scatterDoubles("x", 3, positions);
    }

    /**
     * Creates atoms ({@code lammps_create_atoms}); ids may be null (LAMMPS assigns them). Atoms outside the box are
     * dropped unless {@code expandBox} (shrink-wrapped boundaries). Returns the number of atoms created.
     */
    public int createAtoms(long[] ids, int[] types, double[] positions, double[] velocities, boolean expandBox) {
        ensureUsable();
        int n = types.length;
        if (positions.length != 3 * n || (velocities != null && velocities.length != 3 * n)
                || (ids != null && ids.length != n)) {
            throw new IllegalArgumentException("create_atoms needs 3 coordinates (and velocities) and one id per type entry");
        }
        Memory idMemory = null;
        if (ids != null) {
            idMemory = new Memory((long) tagintSize * Math.max(1, n));
            for (int i = 0; i < n; i++) {
                if (tagintSize == 8) {
                    idMemory.setLong(8L * i, ids[i]);
                } else {
                    idMemory.setInt(4L * i, Math.toIntExact(ids[i]));
                }
            }
        }
        int created = library.lammps_create_atoms(handle, n, idMemory, types, positions, velocities, null, expandBox ? 1 : 0);
        checkError("create_atoms");
        return created;
    }

    // ------------------------------------------------------------------ computes, fixes, variables

    /** Global scalar of a compute (computed if not current). */
    public double computeScalar(String id) {
        ensureUsable();
        requireId("compute", id);
        Pointer value = library.lammps_extract_compute(handle, id, Style.GLOBAL.code, Shape.SCALAR.code);
        requireExtracted("extract_compute " + id, "Compute " + id + " has no global scalar.", value);
        return value.getDouble(0);
    }

    /** Global vector of a compute, copied. */
    public double[] computeVector(String id) {
        ensureUsable();
        requireId("compute", id);
        Pointer size = library.lammps_extract_compute(handle, id, Style.GLOBAL.code, Shape.SIZE_VECTOR.code);
        Pointer value = library.lammps_extract_compute(handle, id, Style.GLOBAL.code, Shape.VECTOR.code);
        requireExtracted("extract_compute " + id, "Compute " + id + " has no global vector.", value, size);
        return value.getDoubleArray(0, size.getInt(0));
    }

    /** Global array of a compute, copied as [row][column]. */
    public double[][] computeArray(String id) {
        ensureUsable();
        requireId("compute", id);
        Pointer rows = library.lammps_extract_compute(handle, id, Style.GLOBAL.code, Shape.SIZE_ROWS.code);
        Pointer columns = library.lammps_extract_compute(handle, id, Style.GLOBAL.code, Shape.SIZE_COLUMNS.code);
        Pointer value = library.lammps_extract_compute(handle, id, Style.GLOBAL.code, Shape.ARRAY.code);
        requireExtracted("extract_compute " + id, "Compute " + id + " has no global array.", value, rows, columns);
        int nrows = rows.getInt(0);
        int ncolumns = columns.getInt(0);
        double[][] result = new double[nrows][];
        for (int i = 0; i < nrows; i++) {
            result[i] = value.getPointer((long) Native.POINTER_SIZE * i).getDoubleArray(0, ncolumns);
        }
        return result;
    }

    /** Per-atom vector of a compute over the local atoms, copied (the compute must be current). */
    public double[] computePerAtom(String id) {
        ensureUsable();
        requireId("compute", id);
        Pointer value = library.lammps_extract_compute(handle, id, Style.ATOM.code, Shape.VECTOR.code);
        requireExtracted("extract_compute " + id, "Compute " + id + " has no per-atom vector (is it current? run 0 first).", value);
        return value.getDoubleArray(0, nlocal());
    }

    /** Global scalar of a fix. */
    public double fixScalar(String id) {
        ensureUsable();
        requireId("fix", id);
        Pointer value = library.lammps_extract_fix(handle, id, Style.GLOBAL.code, Shape.SCALAR.code, 0, 0);
        return freedDouble(value, "extract_fix " + id, "Fix " + id + " has no global scalar.");
    }

    /** Element i (0-based) of a fix's global vector. */
    public double fixVector(String id, int index) {
        ensureUsable();
        requireId("fix", id);
        Pointer value = library.lammps_extract_fix(handle, id, Style.GLOBAL.code, Shape.VECTOR.code, index, 0);
        return freedDouble(value, "extract_fix " + id, "Fix " + id + " has no global vector element " + index + ".");
    }

    /** Value of an equal-style (or compatible) variable, evaluated now. */
    public double variable(String name) {
        ensureUsable();
        requireId("variable", name);
        Pointer value = library.lammps_extract_variable(handle, name, null);
        return freedDouble(value, "extract_variable " + name, "Variable " + name + " cannot be evaluated as a number.");
    }

    /** After an extract call ({@code call}): its error checked, then a null pointer among {@code values} refused with {@code missing}. */
    private void requireExtracted(String call, String missing, Pointer... values) {
        checkError(call);
        for (Pointer value : values) {
            if (value == null) {
                throw new LammpsException(missing);
            }
        }
    }

    /**
     * The double that LAMMPS allocated for an extract call (checked for an error first as {@code call}), freed with
     * {@code lammps_free}; a null pointer is refused with {@code missing}.
     */
    private double freedDouble(Pointer value, String call, String missing) {
        requireExtracted(call, missing, value);
        double result = value.getDouble(0);
        library.lammps_free(value);
        return result;
    }

    /** Sets a string-style variable ({@code lammps_set_variable}). */
    public void setVariable(String name, String value) {
        if (nativeInt("lammps_set_variable " + name, () -> library.lammps_set_variable(handle, name, value)) != 0) {
            throw new LammpsException("Variable " + name + " cannot be set (only string-style variables can).");
        }
    }

    private void requireId(String category, String id) {
        if (!hasId(category, id)) {
            throw new LammpsException("No " + category + " with ID '" + id + "' is defined.");
        }
    }

    // ------------------------------------------------------------------ fix external

    /**
     * Binds Java code that only observes to an existing {@code fix ID group external pf/callback N 1}; must be called
     * after the fix command and before the run that uses it. The callback stays reachable until {@link #close()}.
     *
     * <p>The fix then contributes exactly zero force, energy and virial: its external force array is cleared before
     * every call, and {@code fix_modify ID energy no virial no} takes it out of the energy and pressure LAMMPS reports
     * (LAMMPS 2021 never initialises the virial of a {@code fix external}: the reused memory made NPT runs fail with a
     * setup pressure of 10^56). A script's own later {@code fix_modify} of that fix still wins. The callback cannot
     * write forces, energy or virial ({@link FixExternalStep#externalForces()} refuses): see
     * {@link #setFixExternalCallback(String, FixExternalCallback, boolean)} for code that acts on the system.
     */
    public void setFixExternalCallback(String fixId, FixExternalCallback callback) {
        setFixExternalCallback(fixId, callback, false);
    }

    /**
     * Binds Java code to an existing {@code fix ID group external pf/callback N 1}.
     *
     * @param acts false: the callback observes and the fix contributes exactly zero force, energy and virial (see
     *             {@link #setFixExternalCallback(String, FixExternalCallback)}); true: the callback may write the
     *             external forces, the fix's energy and its virial, which LAMMPS then adds ({@code fix_modify ID energy
     *             yes virial yes}); whatever a call does not write is zero (forces and virial are cleared before every
     *             call, the energy is 0 until set)
     */
    public void setFixExternalCallback(String fixId, FixExternalCallback callback, boolean acts) {
        ensureUsable();
        requireId("fix", fixId);
        Objects.requireNonNull(callback, "callback");
        double[] noVirial = new double[6];
        LibraryH.FixExternalCallback nativeCallback = (data, timestep, nlocal, ids, x, f) -> {
            zeroRows(f, nlocal);
            if (acts) {
                library.lammps_fix_external_set_virial_global(handle, fixId, noVirial);
            }
            if (callbackFailure != null) {
                return;
            }
            callbackDepth++;
            try {
                callback.onStep(new FixExternalStep(this, fixId, timestep, nlocal, ids, x, f, tagintSize, acts));
            } catch (Throwable failure) {
                callbackFailure = failure;
                callbackFailureStep = timestep;
                callbackFailureFix = fixId;
                library.lammps_force_timeout(handle);
            } finally {
                callbackDepth--;
            }
        };
        callbacks.put(fixId, nativeCallback);
        library.lammps_set_fix_external_callback(handle, fixId, nativeCallback, null);
        checkError("set_fix_external_callback " + fixId);
        clearFixExternalForces(fixId);
        if (acts) {
            library.lammps_fix_external_set_energy_global(handle, fixId, 0.0);
            library.lammps_fix_external_set_virial_global(handle, fixId, noVirial);
            checkError("lammps_fix_external_set_energy/virial_global " + fixId);
            command("fix_modify " + fixId + " energy yes virial yes");
        } else {
            command("fix_modify " + fixId + " energy no virial no");
        }
    }

    /**
     * Clears the external force array of a {@code fix external} for the atoms this rank owns now (the script runner
     * calls it before every run: atoms created since the last call have uninitialised rows in LAMMPS 2021).
     */
    public void clearFixExternalForces(String fixId) {
        ensureUsable();
        Pointer forces = library.lammps_fix_external_get_force(handle, fixId);
        checkError("lammps_fix_external_get_force " + fixId);
        zeroRows(forces, nlocal());
    }

    /**
     * Clears the external force array of a {@code fix external}. LAMMPS up to 2021 does not initialise it, and adds it
     * to the atoms' forces every Napply steps: without this, a callback that sets no forces would apply whatever the
     * memory held (seen here as runs twice as slow, with atoms kicked by garbage forces).
     */
    private static void zeroRows(Pointer twoDimensional, int nlocal) {
        if (twoDimensional == null || nlocal <= 0) {
            return;
        }
        Pointer first = twoDimensional.getPointer(0);
        if (first != null) {
            first.setMemory(0, 24L * nlocal, (byte) 0);
        }
    }

    /** Sets the global energy a {@code fix external} contributes (outside a callback). */
    public void setFixExternalEnergy(String fixId, double energy) {
        ensureUsable();
        library.lammps_fix_external_set_energy_global(handle, fixId, energy);
        checkError("lammps_fix_external_set_energy_global " + fixId);
    }

    /** Declares the length of the global vector a {@code fix external} exposes ({@code f_ID[i]} in thermo). */
    public void setFixExternalVectorLength(String fixId, int length) {
        ensureUsable();
        library.lammps_fix_external_set_vector_length(handle, fixId, length);
        checkError("lammps_fix_external_set_vector_length " + fixId);
    }

    /** Sets element i (1-based, as in {@code f_ID[i]}) of a {@code fix external}'s global vector. */
    public void setFixExternalVector(String fixId, int index, double value) {
        ensureUsable();
        library.lammps_fix_external_set_vector(handle, fixId, index, value);
        checkError("lammps_fix_external_set_vector " + fixId);
    }

    // ------------------------------------------------------------------ lifecycle

    /** Whether a run is in progress (true inside a callback). */
    public boolean isRunning() {
        return nativeInt("lammps_is_running", () -> library.lammps_is_running(handle)) != 0;
    }

    public boolean isClosed() {
        return handle == null;
    }

    /** Ends the current run after this step, cleanly (used from a callback). */
    void requestStop() {
        stopRequested = true;
        library.lammps_force_timeout(handle);
    }

    LibraryH library() {
        return library;
    }

    LammpsHandle handle() {
        return handle;
    }

    /** The chokepoint, for bridge classes that call the library themselves (e.g. {@link FixExternalStep}). */
    void checkAfterNativeCall(String what) {
        checkError(what);
    }

    private void ensureUsable() {
        if (handle == null) {
            throw new IllegalStateException("This LAMMPS instance is closed.");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("LAMMPS instance opened on thread '" + owner.getName()
                    + "' was called from thread '" + Thread.currentThread().getName()
                    + "'; LAMMPS is not thread-safe, use it from one thread.");
        }
    }

    /**
     * Closes the instance; later calls are no-ops. MPI is not finalised (see {@link #finalizeMpi()}). A poisoned
     * instance ({@link #isPoisoned()}) is not handed to {@code lammps_close}: it is dropped and its memory leaked on
     * purpose, since LAMMPS may crash the process freeing what an error left half-built.
     */
    @Override
    public void close() {
        if (handle == null) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("LAMMPS instance opened on thread '" + owner.getName()
                    + "' must be closed on that thread, not '" + Thread.currentThread().getName() + "'.");
        }
        if (poisonedBy == null) {
            library.lammps_close(handle);
        } else {
            synchronized (LEAKED_CALLBACKS) {
                LEAKED_CALLBACKS.addAll(callbacks.values());
            }
        }
        handle = null;
        callbacks.clear();
    }
}
