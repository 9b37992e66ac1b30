package org.spr.lammps;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * Raw JNA binding of LAMMPS's C library interface, {@code library.h}. One Java method per C function;
 * the C signature is given above each. Nothing here checks anything: {@link Lammps} is the safe facade.
 *
 * <p>The instance handle is a {@link LammpsHandle}; the integer codes (data types, styles, shapes, the gather type)
 * are named in {@link LibraryConstants}.
 *
 * <p>Integer widths that depend on how LAMMPS was compiled (tagint, bigint, imageint) are passed as
 * {@link Pointer}s and read by {@link Lammps} with the sizes the loaded library reports through
 * {@code lammps_extract_setting}, so the same binding works with the Debian build (29 Sep 2021,
 * smallbig) and with current LAMMPS.
 */
interface LibraryH extends Library {

    /** {@code void *lammps_open_no_mpi(int argc, char **argv, void **ptr);} */
    LammpsHandle lammps_open_no_mpi(int argc, String[] argv, PointerByReference ptr);

    /** {@code void *lammps_open(int argc, char **argv, MPI_Comm comm, void **ptr);} (MPI_Comm is a pointer in Open MPI) */
    LammpsHandle lammps_open(int argc, String[] argv, Pointer comm, PointerByReference ptr);

    /** {@code void *lammps_open_fortran(int argc, char **argv, int f_comm);} */
    LammpsHandle lammps_open_fortran(int argc, String[] argv, int fortranCommunicator);

    /** {@code void lammps_close(void *handle);} */
    void lammps_close(LammpsHandle handle);

    /** {@code int lammps_get_mpi_comm(void *handle);} the Fortran handle of LAMMPS's world communicator, −1 without MPI */
    int lammps_get_mpi_comm(LammpsHandle handle);

    /** {@code void lammps_mpi_init();} */
    void lammps_mpi_init();

    /** {@code void lammps_mpi_finalize();} */
    void lammps_mpi_finalize();

    /** {@code void lammps_file(void *handle, const char *file);} */
    void lammps_file(LammpsHandle handle, String file);

    /** {@code char *lammps_command(void *handle, const char *cmd);} returns the command name or NULL */
    Pointer lammps_command(LammpsHandle handle, String command);

    /** {@code void lammps_commands_string(void *handle, const char *str);} */
    void lammps_commands_string(LammpsHandle handle, String commands);

    /** {@code double lammps_get_natoms(void *handle);} */
    double lammps_get_natoms(LammpsHandle handle);

    /** {@code double lammps_get_thermo(void *handle, const char *keyword);} */
    double lammps_get_thermo(LammpsHandle handle, String keyword);

    /** {@code void lammps_extract_box(void *handle, double *boxlo, double *boxhi, double *xy, double *yz, double *xz, int *pflags, int *boxflag);} */
    void lammps_extract_box(LammpsHandle handle, double[] boxlo, double[] boxhi, double[] xy, double[] yz, double[] xz,
                            int[] periodicity, int[] boxflag);

    /** {@code void lammps_reset_box(void *handle, double *boxlo, double *boxhi, double xy, double yz, double xz);} */
    void lammps_reset_box(LammpsHandle handle, double[] boxlo, double[] boxhi, double xy, double yz, double xz);

    /** {@code int lammps_extract_setting(void *handle, const char *keyword);} */
    int lammps_extract_setting(LammpsHandle handle, String keyword);

    /** {@code void *lammps_extract_global(void *handle, const char *name);} */
    Pointer lammps_extract_global(LammpsHandle handle, String name);

    /** {@code int lammps_extract_global_datatype(void *handle, const char *name);} a {@link LibraryConstants.DataType} code */
    int lammps_extract_global_datatype(LammpsHandle handle, String name);

    /** {@code int lammps_extract_atom_datatype(void *handle, const char *name);} a {@link LibraryConstants.DataType} code */
    int lammps_extract_atom_datatype(LammpsHandle handle, String name);

    /** {@code void *lammps_extract_atom(void *handle, const char *name);} */
    Pointer lammps_extract_atom(LammpsHandle handle, String name);

    /** {@code void *lammps_extract_compute(void *handle, const char *id, int style, int type);} */
    Pointer lammps_extract_compute(LammpsHandle handle, String id, int style, int type);

    /** {@code void *lammps_extract_fix(void *handle, const char *id, int style, int type, int nrow, int ncol);} */
    Pointer lammps_extract_fix(LammpsHandle handle, String id, int style, int type, int row, int column);

    /** {@code void *lammps_extract_variable(void *handle, const char *name, const char *group);} result freed with lammps_free */
    Pointer lammps_extract_variable(LammpsHandle handle, String name, String group);

    /** {@code int lammps_set_variable(void *, char *name, char *value);} */
    int lammps_set_variable(LammpsHandle handle, String name, String value);

    /** {@code void lammps_gather_atoms(void *handle, char *name, int type, int count, void *data);} type {@link LibraryConstants.AtomData}; ordered by atom ID */
    void lammps_gather_atoms(LammpsHandle handle, String name, int type, int count, Pointer data);

    /** {@code void lammps_scatter_atoms(void *handle, char *name, int type, int count, void *data);} */
    void lammps_scatter_atoms(LammpsHandle handle, String name, int type, int count, Pointer data);

    /** {@code void lammps_gather_atoms_subset(void *handle, char *name, int type, int count, int ndata, int *ids, void *data);} */
    void lammps_gather_atoms_subset(LammpsHandle handle, String name, int type, int count, int ndata, Pointer ids, Pointer data);

    /** {@code void lammps_scatter_atoms_subset(void *handle, char *name, int type, int count, int ndata, int *ids, void *data);} */
    void lammps_scatter_atoms_subset(LammpsHandle handle, String name, int type, int count, int ndata, Pointer ids, Pointer data);

    /** {@code int lammps_create_atoms(void *handle, int n, const tagint *id, const int *type, const double *x, const double *v, const imageint *image, int bexpand);} */
    int lammps_create_atoms(LammpsHandle handle, int n, Pointer ids, int[] types, double[] x, double[] v, Pointer image, int expandBox);

    /** {@code int lammps_version(void *handle);} */
    int lammps_version(LammpsHandle handle);

    /** {@code int lammps_config_has_exceptions();} */
    int lammps_config_has_exceptions();

    /** {@code int lammps_config_has_mpi_support();} */
    int lammps_config_has_mpi_support();

    /** {@code int lammps_config_has_gzip_support();} */
    int lammps_config_has_gzip_support();

    /** {@code int lammps_config_has_package(const char *name);} */
    int lammps_config_has_package(String name);

    /** {@code int lammps_config_package_count();} */
    int lammps_config_package_count();

    /** {@code int lammps_config_package_name(int idx, char *buffer, int buf_size);} */
    int lammps_config_package_name(int index, byte[] buffer, int size);

    /** {@code int lammps_has_style(void *handle, const char *category, const char *name);} */
    int lammps_has_style(LammpsHandle handle, String category, String name);

    /** {@code int lammps_has_id(void *handle, const char *category, const char *name);} */
    int lammps_has_id(LammpsHandle handle, String category, String name);

    /**
     * {@code typedef void (*FixExternalFnPtr)(void *ptr, bigint timestep, int nlocal, tagint *ids, double **x, double **fexternal);}
     * with bigint = int64_t (smallbig and bigbig builds; smallsmall is not supported).
     */
    interface FixExternalCallback extends Callback {
        void invoke(Pointer data, long timestep, int nlocal, Pointer ids, Pointer x, Pointer f);
    }

    /** {@code void lammps_set_fix_external_callback(void *handle, const char *id, FixExternalFnPtr funcptr, void *ptr);} */
    void lammps_set_fix_external_callback(LammpsHandle handle, String fixId, FixExternalCallback callback, Pointer data);

    /** {@code double **lammps_fix_external_get_force(void *handle, const char *id);} */
    Pointer lammps_fix_external_get_force(LammpsHandle handle, String fixId);

    /** {@code void lammps_fix_external_set_energy_global(void *handle, const char *id, double eng);} */
    void lammps_fix_external_set_energy_global(LammpsHandle handle, String fixId, double energy);

    /** {@code void lammps_fix_external_set_virial_global(void *handle, const char *id, double *virial);} */
    void lammps_fix_external_set_virial_global(LammpsHandle handle, String fixId, double[] virial);

    /** {@code void lammps_fix_external_set_energy_peratom(void *handle, const char *id, double *eng);} */
    void lammps_fix_external_set_energy_peratom(LammpsHandle handle, String fixId, Pointer energies);

    /** {@code void lammps_fix_external_set_vector_length(void *handle, const char *id, int len);} */
    void lammps_fix_external_set_vector_length(LammpsHandle handle, String fixId, int length);

    /** {@code void lammps_fix_external_set_vector(void *handle, const char *id, int idx, double val);} (idx is 1-based) */
    void lammps_fix_external_set_vector(LammpsHandle handle, String fixId, int index, double value);

    /** {@code void lammps_free(void *ptr);} */
    void lammps_free(Pointer pointer);

    /** {@code int lammps_is_running(void *handle);} */
    int lammps_is_running(LammpsHandle handle);

    /** {@code void lammps_force_timeout(void *handle);} */
    void lammps_force_timeout(LammpsHandle handle);

    /** {@code int lammps_has_error(void *handle);} */
    int lammps_has_error(LammpsHandle handle);

    /** {@code int lammps_get_last_error_message(void *handle, char *buffer, int buf_size);} returns 1 recoverable, 2 abort */
    int lammps_get_last_error_message(LammpsHandle handle, byte[] buffer, int size);
}
