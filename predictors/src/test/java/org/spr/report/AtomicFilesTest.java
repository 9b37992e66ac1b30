package org.spr.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AtomicFilesTest {

    @Test
    void anAtomicallyWrittenFileHasThePermissionsOfAnyOtherNewFile(@TempDir Path directory) throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.writeString(directory.resolve("plain.txt"), "x");
        Path atomic = directory.resolve("model.sprmodel");
        AtomicFiles.write(atomic, out -> out.write("content".getBytes(StandardCharsets.UTF_8)));
        assertEquals("content", Files.readString(atomic));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic),
                "the user's umask applies (a model file was owner-only before)");
        try (var left = Files.list(directory)) {
            assertEquals(2, left.count(), "no temporary file left beside the target");
        }
    }
}
