package org.spr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, failures 1 and 3: an output never overwrites an input of the same command; a second writer is refused. */
class OutputSafetyTest {

    @TempDir
    Path directory;

    private Path file(String name, String content) throws Exception {
        Path path = directory.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }

    /** Runs spr and checks: exit 2, one sentence naming output and input, every input byte-identical afterwards. */
    private void refused(List<Path> inputs, String outputShown, String inputShown, String... args) throws Exception {
        List<byte[]> before = new java.util.ArrayList<>();
        for (Path input : inputs) {
            before.add(Files.readAllBytes(input));
        }
        SprRun run = SprRun.of(args);
        assertEquals(ExitCodes.USAGE, run.exitCode(), String.join(" ", args) + " → " + run.err());
        assertTrue(run.oneCleanSentence(), run.err());
        assertTrue(run.err().contains(outputShown) && run.err().contains(inputShown) && run.err().contains("may not overwrite an input"),
                run.err());
        for (int i = 0; i < inputs.size(); i++) {
            assertArrayEquals(before.get(i), Files.readAllBytes(inputs.get(i)), inputs.get(i) + " was changed");
        }
    }

    @Test
    void everyCommandRefusesToWriteOverItsOwnInput() throws Exception {
        Path data = file("d.csv", "id,system\n");
        Path sidecar = file("d.json", "{}");
        Path model = file("m.sprmodel", "model bytes");
        Path gr = file("g.csv", "r,g\n0.1,0\n");
        Path dump = file("traj.lammpstrj", "ITEM: TIMESTEP\n0\n");
        Path labels = file("labels.csv", "structure,y\n");
        Path script = file("in.lmp", "units lj\n");
        Path structure = file("s.data", "LAMMPS data\n");
        String d = data.toString();
        refused(List.of(data, sidecar), "--out " + d, "--data " + d, "train", "--data", d, "--kind", "linear", "--out", d);
        refused(List.of(data, sidecar), "--out " + sidecar, "sidecar of --data", "train", "--data", d, "--out", sidecar.toString());
        refused(List.of(dump), "--out " + dump, "FILE " + dump, "rdf", dump.toString(), "--out", dump.toString());
        refused(List.of(labels), "--out " + labels, "--labels " + labels, "import", labels.toString(), "--out", labels.toString());
        refused(List.of(model, gr), "--out " + gr, "--input " + gr, "predict", "--model", model.toString(), "--input", gr.toString(),
                "--out", gr.toString());
        refused(List.of(model, gr), "--out " + model, "--model " + model, "predict", "--model", model.toString(), "--input", gr.toString(),
                "--out", model.toString());
        refused(List.of(data), "--out " + d, "--merge " + d, "generate", "--merge", d, "--out", d);
        refused(List.of(data), "--out " + d, "--data " + d, "label", "--data", d, "--structures", directory.toString(), "--system", "amc", "--labels", "sigma", "--out", d);
        refused(List.of(script), "--out " + script, "SCRIPT " + script, "run", script.toString(), "--out", script.toString());
        refused(List.of(structure), "--out " + structure, "STRUCTURE " + structure, "kappa", structure.toString(), "--system", "amc", "--out", structure.toString());
        refused(List.of(dump), "--out " + dump, "FILE " + dump, "analyze", dump.toString(), "--out", dump.toString());
        refused(List.of(model), "--out " + model, "--model " + model, "quench", "--model", model.toString(), "--out", model.toString());
        Path metrics = file("report/metrics.csv", "id,system\n");
        refused(List.of(metrics), "--plots " + directory.resolve("report"), "--data " + metrics, "evaluate", "--model", model.toString(),
                "--data", metrics.toString(), "--plots", directory.resolve("report").toString());
        Path curve = file("curve/learning_curve.csv", "id,system\n");
        refused(List.of(curve), "--out-dir " + directory.resolve("curve"), "--data " + curve, "learning-curve", "--data", curve.toString(), "--sizes", "10",
                "--out-dir", directory.resolve("curve").toString());
    }

    @Test
    void anOutputNamedThroughASymbolicLinkOrDotsIsStillRecognised() throws Exception {
        Path data = file("d.csv", "id,system\n");
        Path link = Files.createSymbolicLink(directory.resolve("alias.csv"), data);
        refused(List.of(data), "--out " + link, "--data " + data, "train", "--data", data.toString(), "--out", link.toString());
        Path dotted = directory.resolve("sub/../d.csv");
        Files.createDirectories(directory.resolve("sub"));
        refused(List.of(data), "--out " + dotted, "--data " + data, "train", "--data", data.toString(), "--out", dotted.toString());
    }

    @Test
    void aSecondWriterOfTheSameOutputIsRefusedNamingTheFirst() throws Exception {
        Path dataset = directory.resolve("amc.csv");
        Path model = directory.resolve("amc.sprmodel");
        Process generator = OutputLockHolder.start(dataset);
        Process trainer = OutputLockHolder.start(model);
        try {
            SprRun second = SprRun.of("generate", "--system", "amc", "--count", "2", "--out", dataset.toString());
            assertEquals(ExitCodes.OUTPUT_LOCKED, second.exitCode(), second.err());
            assertTrue(second.oneCleanSentence() && second.err().contains("PID " + generator.pid()), second.err());
            assertTrue(Files.notExists(dataset), "the second writer created " + dataset);
            SprRun train = SprRun.of("train", "--data", file("d.csv", "id\n").toString(), "--out", model.toString());
            assertEquals(ExitCodes.OUTPUT_LOCKED, train.exitCode(), train.err());
            assertTrue(train.err().contains("PID " + trainer.pid()), train.err());
        } finally {
            generator.destroyForcibly();
            trainer.destroyForcibly();
            generator.waitFor(10, TimeUnit.SECONDS);
            trainer.waitFor(10, TimeUnit.SECONDS);
        }
        // the writers were killed (kill -9): their locks went with them
        SprRun after = SprRun.of("train", "--data", directory.resolve("absent.csv").toString(), "--out", model.toString());
        assertEquals(ExitCodes.BAD_INPUT, after.exitCode(), after.err());
    }
}
