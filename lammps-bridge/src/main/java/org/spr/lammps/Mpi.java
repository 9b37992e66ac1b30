package org.spr.lammps;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few MPI collectives the in-situ analysis needs, called through JNA on the communicator a {@link Lammps}
 * instance runs on (its Fortran handle from {@code lammps_get_mpi_comm}, turned into a C handle with
 * {@code MPI_Comm_f2c}). The MPI library is the one LAMMPS loaded into this process (found in
 * {@code /proc/self/maps}); its flavour is detected at run time:
 * <ul>
 *   <li>Open MPI: handles are pointers; {@code MPI_DOUBLE}, {@code MPI_INT}, {@code MPI_SUM} are the addresses of
 *       {@code ompi_mpi_double}, {@code ompi_mpi_int}, {@code ompi_mpi_op_sum} (as {@code mpi.h} defines them).</li>
 *   <li>MPICH and its ABI family (Intel MPI, MVAPICH, Cray MPICH): handles are {@code int}s with the fixed values of
 *       the MPICH ABI ({@code MPI_DOUBLE} = 0x4c00080b, {@code MPI_INT} = 0x4c000405, {@code MPI_SUM} = 0x58000003);
 *       a Fortran communicator handle equals the C one.</li>
 * </ul>
 * Every call is collective: all ranks of the communicator must make the same calls in the same order. The bytes
 * this rank sent and received through the collectives are counted ({@link #bytesMoved()}), so tests can check
 * that no call moves all atoms.
 */
public final class Mpi {

    /** Which MPI implementation family the loaded library belongs to. */
    public enum Flavour { OPEN_MPI, MPICH }

    private static final Pattern LIBMPI = Pattern.compile("(/\\S*/lib(mpi|mpich)\\.so[.0-9]*)$");
    private static volatile NativeLibrary library;

    private final Flavour flavour;
    private final Object communicator;
    private final Object doubleType;
    private final Object intType;
    private final Object sum;
    private final Function allgather;
    private final Function alltoall;
    private final Function alltoallv;
    private final Function reduce;
    private final Function allreduce;
    private final Function barrier;
    private final int rank;
    private final int size;
    private long bytesMoved;

    private Mpi(NativeLibrary mpi, int fortranCommunicator, int rank, int size) {
        this.rank = rank;
        this.size = size;
        boolean openMpi;
        try {
            mpi.getGlobalVariableAddress("ompi_mpi_double");
            openMpi = true;
        } catch (UnsatisfiedLinkError e) {
            openMpi = false;
        }
        flavour = openMpi ? Flavour.OPEN_MPI : Flavour.MPICH;
        if (openMpi) {
            doubleType = mpi.getGlobalVariableAddress("ompi_mpi_double");
            intType = mpi.getGlobalVariableAddress("ompi_mpi_int");
            sum = mpi.getGlobalVariableAddress("ompi_mpi_op_sum");
            communicator = mpi.getFunction("MPI_Comm_f2c").invokePointer(new Object[]{fortranCommunicator});
        } else {
            doubleType = 0x4c00080b;
            intType = 0x4c000405;
            sum = 0x58000003;
            communicator = fortranCommunicator;
        }
        allgather = mpi.getFunction("MPI_Allgather");
        alltoall = mpi.getFunction("MPI_Alltoall");
        alltoallv = mpi.getFunction("MPI_Alltoallv");
        reduce = mpi.getFunction("MPI_Reduce");
        allreduce = mpi.getFunction("MPI_Allreduce");
        barrier = mpi.getFunction("MPI_Barrier");
    }

    /**
     * The collectives on {@code lammps}'s communicator, or null when LAMMPS runs on one rank (nothing to
     * communicate) or was built without MPI.
     *
     * @throws LammpsException when LAMMPS runs on several ranks but no MPI library can be found in this process
     */
    public static Mpi of(Lammps lammps) {
        int size = lammps.ranks();
        if (size <= 1) {
            return null;
        }
        int handle = lammps.mpiCommunicatorHandle();
        if (handle < 0) {
            return null;
        }
        return new Mpi(loaded(), handle, lammps.rank(), size);
    }

    /** The MPI library already in this process (LAMMPS's), loaded once. */
    private static NativeLibrary loaded() {
        NativeLibrary result = library;
        if (result == null) {
            synchronized (Mpi.class) {
                if (library == null) {
                    library = NativeLibrary.getInstance(findLoadedLibrary());
                }
                result = library;
            }
        }
        return result;
    }

    /** Path of the libmpi mapped into this process (the one the LAMMPS library links to). */
    static String findLoadedLibrary() {
        try {
            List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
            for (String line : maps) {
                Matcher matcher = LIBMPI.matcher(line.strip());
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
        } catch (IOException e) {
            throw new LammpsException("Cannot read /proc/self/maps to find the MPI library LAMMPS uses: " + e.getMessage(), e);
        }
        throw new LammpsException("LAMMPS runs on several MPI ranks but no libmpi.so (Open MPI, MPICH) is loaded in this"
                + " process; the in-situ analysis needs the MPI library LAMMPS was linked with.");
    }

    public Flavour flavour() {
        return flavour;
    }

    public int rank() {
        return rank;
    }

    public int size() {
        return size;
    }

    /** Bytes this rank sent plus received through the collectives of this object so far. */
    public long bytesMoved() {
        return bytesMoved;
    }

    /** MPI_Allgather of {@code count} doubles per rank: out[r·count + k] = rank r's in[k]. */
    public void allgather(double[] in, int count, double[] out) {
        check(allgather.invokeInt(new Object[]{in, count, doubleType, out, count, doubleType, communicator}), "MPI_Allgather");
        bytesMoved += 8L * count * (1 + size);
    }

    /** MPI_Alltoall of one int per rank pair: out[s] = what rank s put in its in[this rank]. */
    public void alltoall(int[] in, int[] out) {
        check(alltoall.invokeInt(new Object[]{in, 1, intType, out, 1, intType, communicator}), "MPI_Alltoall");
        bytesMoved += 8L * size;
    }

    /**
     * MPI_Alltoallv of doubles: rank r's block [sendOffsets[d], + sendCounts[d]) goes to rank d, landing at
     * receiveOffsets[r] there.
     */
    public void alltoallv(double[] send, int[] sendCounts, int[] sendOffsets, double[] receive, int[] receiveCounts,
                          int[] receiveOffsets) {
        check(alltoallv.invokeInt(new Object[]{send, sendCounts, sendOffsets, doubleType, receive, receiveCounts,
                receiveOffsets, doubleType, communicator}), "MPI_Alltoallv");
        long moved = 0;
        for (int r = 0; r < size; r++) {
            if (r != rank) {
                moved += sendCounts[r] + receiveCounts[r];
            }
        }
        bytesMoved += 8 * moved;
    }

    /** MPI_Reduce with MPI_SUM of {@code count} doubles to rank {@code root} (out is only written there). */
    public void reduceSum(double[] in, double[] out, int count, int root) {
        check(reduce.invokeInt(new Object[]{in, out, count, doubleType, sum, root, communicator}), "MPI_Reduce");
        bytesMoved += 8L * count;
    }

    /** MPI_Allreduce with MPI_SUM of {@code count} doubles. */
    public void allreduceSum(double[] in, double[] out, int count) {
        check(allreduce.invokeInt(new Object[]{in, out, count, doubleType, sum, communicator}), "MPI_Allreduce");
        bytesMoved += 16L * count;
    }

    /** MPI_Barrier (for timing: every rank has arrived). */
    public void barrier() {
        check(barrier.invokeInt(new Object[]{communicator}), "MPI_Barrier");
    }

    private static void check(int code, String call) {
        if (code != 0) {
            throw new LammpsException(call + " failed with MPI error code " + code);
        }
    }

    /** For diagnostics: the flavour and library path. */
    @Override
    public String toString() {
        return flavour + " (" + library.getFile() + "), rank " + rank + " of " + size;
    }

}
