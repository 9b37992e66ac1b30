package org.spr.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelManifestTest {

    @TempDir
    Path directory;

    private Path write(String text) throws IOException {
        Path csv = directory.resolve("labels.csv");
        Files.writeString(csv, text);
        return csv;
    }

    @Test
    void readsUnitsEmptyCellsAndPathsRelativeToTheTable() throws IOException {
        Path csv = write("""
                # DFT labels of three structures
                structure,doscar,sigma[S/m], kappa [W/(m K)] ,gap
                a/POSCAR,a/DOSCAR,1.2e4,1.10,0
                b/CONTCAR,,,0.95,NaN

                "c/POSCAR",c/DOSCAR.gz,3.5e3,,0.2
                """);
        LabelManifest manifest = LabelManifest.read(csv);
        assertTrue(manifest.doscars());
        assertEquals(List.of(new ScalarLabel("sigma", "S/m"), new ScalarLabel("kappa", "W/(m K)"), new ScalarLabel("gap", "")),
                manifest.labels());
        assertEquals(3, manifest.entries().size());
        LabelManifest.Entry a = manifest.entries().get(0);
        assertEquals(3, a.line());
        assertEquals("a/POSCAR", a.id());
        assertEquals(directory.resolve("a/POSCAR"), a.structure());
        assertEquals(directory.resolve("a/DOSCAR"), a.doscar());
        assertEquals(1.2e4, manifest.values(a).get("sigma"), 0.0);
        LabelManifest.Entry b = manifest.entries().get(1);
        assertNull(b.doscar());
        assertTrue(Double.isNaN(b.values()[0]) && Double.isNaN(b.values()[2]));
        assertEquals(0.95, b.values()[1], 0.0);
        LabelManifest.Entry c = manifest.entries().get(2);
        assertEquals(6, c.line());
        assertEquals("c/POSCAR", c.id());
        assertTrue(Double.isNaN(manifest.values(c).get("kappa")));
    }

    @Test
    void anIdColumnNamesTheRowsAndTheDoscarColumnIsOptional() throws IOException {
        LabelManifest manifest = LabelManifest.read(write("id,structure,kappa[W/(m K)]\ns1,/abs/one.data,2\ns2,two.xyz,3\n"));
        assertFalse(manifest.doscars());
        assertEquals("s2", manifest.entries().get(1).id());
        assertEquals(Path.of("/abs/one.data"), manifest.entries().get(0).structure());
    }

    private String failure(String text) throws IOException {
        return assertThrows(DatasetFormatException.class, () -> LabelManifest.read(write(text))).getMessage();
    }

    /** Reading TABLE fails with a message that contains EXPECTED. */
    private void assertRefused(String table, String expected) throws IOException {
        String message = failure(table);
        assertTrue(message.contains(expected), message);
    }

    @Test
    void refusesMalformedTablesNamingLineAndColumn() throws IOException {
        String word = failure("structure,sigma[S/m]\na,1\nb,high\n");
        assertTrue(word.endsWith("labels.csv:3: column 2 (sigma) holds 'high', not a finite number (leave the cell empty when the label was not computed)"), word);
        assertRefused("structure,sigma[S/m]\na,1,2\n", "labels.csv:2: the row has 3 cells but the header (line 1) has 2");
        assertRefused("structure,sigma (S/m)\na,1\n", "labels.csv:1: column 2 is headed 'sigma (S/m)'");
        assertRefused("file,sigma\na,1\n", "labels.csv:1: the header has no 'structure' column");
        assertRefused("structure\na\n", "nothing to import");
        assertRefused("structure,kappa\na,1\n\na,2\n", "labels.csv:4: the id 'a' is already used on line 2");
        assertRefused("structure,kappa,kappa[W/(m K)]\na,1,2\n", "labels.csv:1: column 3 repeats the label 'kappa'");
        assertRefused("structure,kappa\n,1\n", "labels.csv:2: column 1 (structure) is empty");
        assertRefused("structure,kappa\na,Infinity\n", "labels.csv:2: column 2 (kappa)");
        assertRefused("", "labels.csv: the label table is empty");
        assertRefused("structure,kappa\n", "no rows");
        String absent = assertThrows(DatasetFormatException.class, () -> LabelManifest.read(directory.resolve("none.csv"))).getMessage();
        assertTrue(absent.contains("none.csv: no such label table"), absent);
    }
}
