package org.spr.linalg;

import java.util.Locale;

/**
 * Chooses the symmetric eigensolver: system LAPACK through JNA when it loads (several times faster than pure Java
 * from a few hundred atoms on, see the benchmark {@code SymmetricEigensolverBenchmark}), else EJML. The system property
 * {@code spr.eigensolver} = {@code lapack} | {@code ejml} forces one; {@code spr.linalg=ejml} turns every native routine off. The choice is logged once, in one line (at
 * INFO when forced or when EJML stands in for a missing LAPACK, at DEBUG otherwise).
 */
public final class SymmetricEigensolvers {

    private static final System.Logger LOG = System.getLogger(SymmetricEigensolvers.class.getName());
    private static final Lazy<SymmetricEigensolver> PREFERRED = new Lazy<>(SymmetricEigensolvers::choose);

    private SymmetricEigensolvers() {
    }

    /** The solver to use in this JVM, chosen (and logged) on first call. */
    public static SymmetricEigensolver preferred() {
        return PREFERRED.get();
    }

    private static SymmetricEigensolver choose() {
        String forced = System.getProperty("spr.eigensolver", "").trim().toLowerCase(Locale.ROOT);
        switch (forced) {
            case "ejml" -> {
                SymmetricEigensolver solver = new EjmlSymmetricEigensolver();
                LOG.log(System.Logger.Level.INFO, "eigensolver: " + solver.name() + " (forced by spr.eigensolver)");
                return solver;
            }
            case "lapack" -> {
                SymmetricEigensolver solver = LapackSymmetricEigensolver.load();
                LOG.log(System.Logger.Level.INFO, "eigensolver: " + solver.name() + " (forced by spr.eigensolver)");
                return solver;
            }
            case "" -> {
                try {
                    SymmetricEigensolver solver = LapackSymmetricEigensolver.load();
                    LOG.log(System.Logger.Level.DEBUG, "eigensolver: " + solver.name());
                    return solver;
                } catch (UnsatisfiedLinkError e) {
                    SymmetricEigensolver solver = new EjmlSymmetricEigensolver();
                    LOG.log(System.Logger.Level.INFO, "eigensolver: " + solver.name() + (NativeLinearAlgebra.disabled()
                            ? " (native LAPACK turned off by -D" + NativeLinearAlgebra.PROPERTY + "=ejml)"
                            : " (no system LAPACK; install liblapack3 or libopenblas0-pthread for speed)"));
                    return solver;
                }
            }
            default -> throw new IllegalArgumentException("system property spr.eigensolver must be 'lapack' or 'ejml', got '"
                    + forced + "'");
        }
    }
}
