package org.spr.lammps;

/**
 * The integer constants of LAMMPS's {@code library.h} that the bridge uses, one enum per C enum, with the values the
 * header gives (identical in the 29 Sep 2021 and 4 Feb 2025 releases; {@code LAMMPS_NONE} and {@code LAMMPS_STRING}
 * exist only in newer headers, and 2021 returns −1 where 2025 says {@code LAMMPS_NONE}).
 */
final class LibraryConstants {

    private LibraryConstants() {
    }

    /** {@code enum _LMP_DATATYPE_CONST}: what {@code lammps_extract_*_datatype} report. */
    enum DataType {
        /** {@code LAMMPS_NONE = -1}: no such property. */
        NONE(-1),
        /** {@code LAMMPS_INT = 0}: a 32-bit integer (array). */
        INT(0),
        /** {@code LAMMPS_INT_2D = 1}: a two-dimensional 32-bit integer array. */
        INT_2D(1),
        /** {@code LAMMPS_DOUBLE = 2}: a 64-bit double (array). */
        DOUBLE(2),
        /** {@code LAMMPS_DOUBLE_2D = 3}: a two-dimensional double array (pointer to row pointers). */
        DOUBLE_2D(3),
        /** {@code LAMMPS_INT64 = 4}: a 64-bit integer (array). */
        INT64(4),
        /** {@code LAMMPS_INT64_2D = 5}: a two-dimensional 64-bit integer array. */
        INT64_2D(5),
        /** {@code LAMMPS_STRING = 6}: a C string. */
        STRING(6);

        final int code;

        DataType(int code) {
            this.code = code;
        }

        /** The constant for a value returned by LAMMPS; any unknown (negative or future) value is {@link #NONE}. */
        static DataType of(int code) {
            for (DataType type : values()) {
                if (type.code == code) {
                    return type;
                }
            }
            return NONE;
        }
    }

    /** {@code enum _LMP_STYLE_CONST}: which data of a compute or fix {@code lammps_extract_compute/fix} return. */
    enum Style {
        /** {@code LMP_STYLE_GLOBAL = 0} */
        GLOBAL(0),
        /** {@code LMP_STYLE_ATOM = 1} */
        ATOM(1),
        /** {@code LMP_STYLE_LOCAL = 2} */
        LOCAL(2);

        final int code;

        Style(int code) {
            this.code = code;
        }
    }

    /** {@code enum _LMP_TYPE_CONST}: the shape asked of {@code lammps_extract_compute/fix}. */
    enum Shape {
        /** {@code LMP_TYPE_SCALAR = 0} */
        SCALAR(0),
        /** {@code LMP_TYPE_VECTOR = 1} */
        VECTOR(1),
        /** {@code LMP_TYPE_ARRAY = 2} */
        ARRAY(2),
        /** {@code LMP_SIZE_VECTOR = 3}: pointer to the vector's length (an int) */
        SIZE_VECTOR(3),
        /** {@code LMP_SIZE_ROWS = 4}: pointer to the array's row count */
        SIZE_ROWS(4),
        /** {@code LMP_SIZE_COLS = 5}: pointer to the array's column count */
        SIZE_COLUMNS(5);

        final int code;

        Shape(int code) {
            this.code = code;
        }
    }

    /**
     * The {@code type} argument of {@code lammps_gather_atoms} and {@code lammps_scatter_atoms} (and their subset
     * forms): 0 for int data, 1 for double data. Not a named constant in {@code library.h}; its documentation gives
     * these two values.
     */
    enum AtomData {
        /** 0: 32-bit integers (type, image, mask, …). */
        INT(0, 4),
        /** 1: doubles (x, v, f, q, …). */
        DOUBLE(1, 8);

        final int code;
        /** Bytes of one value. */
        final int bytes;

        AtomData(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }
    }
}
