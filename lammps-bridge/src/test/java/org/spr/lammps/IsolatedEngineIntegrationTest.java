package org.spr.lammps;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The isolated engine: LAMMPS errors (which call exit() in Debian's library) become exceptions; this JVM survives. */
@Tag("lammps")
class IsolatedEngineIntegrationTest {

    private static final List<String> QUIET = List.of("-log", "none", "-nocite");

    /** Emits the step and the first atom's x every N steps. */
    record StepRecorder() implements FixBinding {
        @Override
        public FixExternalCallback create(Lammps lammps, String fixId, int every, RecordSink sink) {
            return step -> sink.emit(new double[]{step.timestep(), step.positions().get(0)});
        }
    }

    record PositionsTask() implements EngineTask<double[]> {
        @Override
        public double[] run(Lammps lammps, RecordSink sink) {
            sink.emit("natoms=" + lammps.natoms());
            return lammps.gatherPositions();
        }
    }

    private static String ljLiquid() {
        return String.join("\n", "units lj", "atom_style atomic", "atom_modify map array", "lattice fcc 0.8",
                "region box block 0 3 0 3 0 3", "create_box 1 box", "create_atoms 1 box", "mass 1 1",
                "pair_style lj/cut 2.5", "pair_coeff 1 1 1 1", "velocity all create 1.0 87287", "fix 1 all nve", "");
    }

    @Test
    void scriptRunsWithHooksBoundAndRecordsStreamed(@TempDir Path directory) throws Exception {
        Path script = directory.resolve("in.lj");
        Files.writeString(script, ljLiquid() + String.join("\n",
                "fix ext all external pf/callback 25 1",
                "variable i loop 3",
                "label again",
                "run 50",
                "next i",
                "jump SELF again",
                "variable done equal step", ""));
        List<Serializable> records = new ArrayList<>();
        try (IsolatedEngine engine = new IsolatedEngine(QUIET, records::add, null)) {
            engine.runScript(script, Map.of("ext", new StepRecorder()));
            assertEquals(150.0, engine.variable("done"), 0.0, "the loop ran three times");
            assertEquals(108, engine.natoms());
            double[] x = engine.call(new PositionsTask());
            assertEquals(324, x.length);
        }
        // setup call + 2 per run of 50 steps, three runs
        assertEquals(9 + 1, records.size(), records.toString());
        assertEquals(150.0, ((double[]) records.get(8))[0], 0.0);
        assertEquals("natoms=108", records.get(9));
    }

    @Test
    void unknownCommandInScriptReportsFileLineAndMessage(@TempDir Path directory) throws Exception {
        Path script = directory.resolve("in.bad");
        Files.writeString(script, ljLiquid() + "fix ext all external pf/callback 10 1\nrun 20\nfrobnicate all 3\nrun 10\n");
        List<Serializable> records = new ArrayList<>();
        IsolatedEngine engine = new IsolatedEngine(QUIET, records::add, null);
        LammpsException error = assertThrows(LammpsException.class,
                () -> engine.runScript(script, Map.of("ext", new StepRecorder())));
        assertEquals(script.toString(), error.file());
        assertEquals(15, error.line());
        assertEquals("frobnicate all 3", error.command());
        assertTrue(error.lammpsMessage().startsWith("Unknown command: frobnicate all 3"), error.getMessage());
        assertEquals("LAMMPS error in " + script + " line 15 (command: frobnicate all 3): " + error.lammpsMessage(),
                error.getMessage(), "the same sentence with and without LAMMPS exceptions");
        assertEquals(3, records.size(), "records emitted before the failure are kept");
        assertFalse(engine.isAlive(), "after a LAMMPS error the worker has ended, whatever the LAMMPS version");
        engine.close();
    }

    /** An error in an included file names that file and line; one in the second pass of a loop names its line. */
    @Test
    void errorsInIncludedFilesAndLoopsNameTheirFileAndLine(@TempDir Path directory) throws Exception {
        Path included = directory.resolve("settings.lmp");
        Files.writeString(included, "# settings\nneighbor 0.3 bin\nfrobnicate 7\n");
        Path script = directory.resolve("in.include");
        Files.writeString(script, ljLiquid() + "include " + included + "\nrun 10\n");
        try (IsolatedEngine engine = new IsolatedEngine(QUIET, null, null)) {
            LammpsException error = assertThrows(LammpsException.class, () -> engine.runScript(script, Map.of()));
            assertEquals(included.toString(), error.file());
            assertEquals(3, error.line());
            assertTrue(error.getMessage().startsWith("LAMMPS error in " + included + " line 3 (command: frobnicate 7): "),
                    error.getMessage());
        }
        Path loop = directory.resolve("in.loop");
        Files.writeString(loop, ljLiquid() + String.join("\n", "variable i loop 3", "label again", "run 5",
                "if \"${i} == 2\" then \"pair_coeff 1 1 1 1 ${undefined}\"", "next i", "jump SELF again", ""));
        List<Serializable> records = new ArrayList<>();
        try (IsolatedEngine engine = new IsolatedEngine(QUIET, records::add, null)) {
            LammpsException error = assertThrows(LammpsException.class, () -> engine.runScript(loop, Map.of()));
            assertEquals(loop.toString(), error.file());
            assertEquals(16, error.line());
            assertTrue(error.lammpsMessage().contains("undefined"), error.getMessage());
            assertTrue(error.getMessage().startsWith("LAMMPS error in " + loop + " line 16 "), error.getMessage());
        }
    }

    /** Reads native memory at address 16: the worker JVM crashes (SIGSEGV), as a LAMMPS crash would make it. */
    record CrashTask() implements EngineTask<Integer> {
        @Override
        public Integer run(Lammps lammps, RecordSink sink) {
            return new com.sun.jna.Pointer(16).getInt(0);
        }
    }

    @Test
    void aCrashedWorkerLeavesItsCrashLogInTheTemporaryFolder() throws Exception {
        Path workingDirectory = Path.of("").toAbsolutePath();
        List<Path> before = crashLogs(workingDirectory);
        IsolatedEngine engine = new IsolatedEngine(QUIET, null, null);
        LammpsException error = assertThrows(LammpsException.class, () -> engine.call(new CrashTask()));
        assertTrue(error.getMessage().contains("ended unexpectedly"), error.getMessage());
        assertTrue(error.getMessage().contains("crash log is " + System.getProperty("java.io.tmpdir")), error.getMessage());
        Path log = Path.of(error.getMessage().replaceFirst("(?s).*crash log is ", ""));
        assertTrue(Files.isRegularFile(log), log.toString());
        Files.delete(log);
        assertFalse(engine.isAlive());
        engine.close();
        assertEquals(before, crashLogs(workingDirectory), "no hs_err file in the working directory");
    }

    /**
     * A failed pair_coeff of pair_style eam: reported, and the worker ends without closing LAMMPS (LAMMPS 4 Feb 2025
     * crashes in lammps_close here); no crash log anywhere.
     */
    @Test
    void aFailedEamPairCoeffEndsTheWorkerWithoutACrash() throws Exception {
        Path workingDirectory = Path.of("").toAbsolutePath();
        List<Path> before = crashLogs(workingDirectory);
        IsolatedEngine engine = new IsolatedEngine(QUIET, null, null);
        for (String command : List.of("units metal", "lattice fcc 3.615", "region box block 0 2 0 2 0 2",
                "create_box 1 box", "create_atoms 1 box", "mass 1 63.546", "pair_style eam")) {
            engine.command(command);
        }
        LammpsException error = assertThrows(LammpsException.class,
                () -> engine.command("pair_coeff * * /nonexistent/NoSuch_u3.eam"));
        assertTrue(error.lammpsMessage().contains("/nonexistent/NoSuch_u3.eam"), error.getMessage());
        assertEquals("LAMMPS error (command: pair_coeff * * /nonexistent/NoSuch_u3.eam): " + error.lammpsMessage(),
                error.getMessage());
        assertFalse(engine.isAlive());
        engine.close();
        assertEquals(before, crashLogs(workingDirectory));
    }

    private static List<Path> crashLogs(Path directory) throws java.io.IOException {
        try (var files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith("hs_err")).sorted().toList();
        }
    }

    @Test
    void missingPotentialFileIsReported() {
        try (IsolatedEngine engine = new IsolatedEngine(QUIET, null, null)) {
            engine.command("units metal");
            engine.command("lattice diamond 4.36");
            engine.command("region box block 0 2 0 2 0 2");
            engine.command("create_box 2 box");
            engine.command("pair_style tersoff");
            LammpsException error = assertThrows(LammpsException.class,
                    () -> engine.command("pair_coeff * * /nonexistent/NoSuch.tersoff Si C"));
            assertTrue(error.lammpsMessage().contains("/nonexistent/NoSuch.tersoff"), error.getMessage());
            assertEquals("pair_coeff * * /nonexistent/NoSuch.tersoff Si C", error.command());
        }
    }

    @Test
    void lostAtomsAreReported(@TempDir Path directory) throws Exception {
        Path script = directory.resolve("in.lost");
        Files.writeString(script, String.join("\n", "units lj", "atom_style atomic", "boundary f f f",
                "region box block 0 5 0 5 0 5", "create_box 1 box", "create_atoms 1 single 2.5 2.5 2.5", "mass 1 1",
                "pair_style zero 1.0", "pair_coeff * *", "velocity all set 10 0 0", "fix 1 all nve",
                "thermo 10", "run 1000", ""));
        try (IsolatedEngine engine = new IsolatedEngine(QUIET, null, null)) {
            LammpsException error = assertThrows(LammpsException.class, () -> engine.runScript(script, Map.of()));
            assertTrue(error.lammpsMessage().contains("Lost atoms"), error.getMessage());
            assertEquals(13, error.line());
        }
    }

    /** A result that cannot be serialised. */
    record Unsendable() implements EngineTask<java.util.ArrayList<Object>> {
        @Override
        public java.util.ArrayList<Object> run(Lammps lammps, RecordSink sink) {
            java.util.ArrayList<Object> list = new java.util.ArrayList<>();
            list.add(new Object());
            return list;
        }
    }

    @Test
    void unsendableResultIsReportedAndEngineStaysUsable() {
        try (IsolatedEngine engine = new IsolatedEngine(QUIET, null, null)) {
            LammpsException error = assertThrows(LammpsException.class, () -> engine.call(new Unsendable()));
            assertTrue(error.getMessage().contains("not serialisable"), error.getMessage());
            assertTrue(engine.isAlive());
            assertEquals(0, engine.natoms());
        }
    }

    @Test
    void javaFailureInWorkerKeepsEngineUsable() {
        try (IsolatedEngine engine = new IsolatedEngine(QUIET, null, null)) {
            engine.command("units lj");
            LammpsException error = assertThrows(LammpsException.class, () -> engine.variable("undefined_variable"));
            assertTrue(error.getMessage().contains("undefined_variable"), error.getMessage());
            assertTrue(engine.isAlive());
            assertTrue(engine.version() >= 20210929);
        }
    }
}
