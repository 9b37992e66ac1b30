package org.spr.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Test support: the two entries of a model file ({@code metadata.json}, then {@code weights.bin}) as raw bytes, so
 * that a test can change one and write a file that is a valid zip but not what {@link ModelFile#save} wrote.
 */
record ModelZip(byte[] metadata, byte[] weights) {

    static ModelZip read(Path file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            zip.getNextEntry();
            byte[] metadata = zip.readAllBytes();
            zip.getNextEntry();
            return new ModelZip(metadata, zip.readAllBytes());
        }
    }

    String metadataJson() {
        return new String(metadata, StandardCharsets.UTF_8);
    }

    ModelZip withMetadataJson(String json) {
        return new ModelZip(json.getBytes(StandardCharsets.UTF_8), weights);
    }

    void write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("metadata.json"));
            zip.write(metadata);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("weights.bin"));
            zip.write(weights);
            zip.closeEntry();
        }
        Files.write(file, bytes.toByteArray());
    }
}
