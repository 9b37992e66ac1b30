package org.spr.fixes.monitor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** An append-only CSV log: header once, each row flushed as it is written, so the file is readable after a kill. */
public final class CsvAppender implements AutoCloseable {

    private final Path file;
    private BufferedWriter writer;

    public CsvAppender(Path file) {
        this.file = file;
    }

    public void header(String header) {
        if (writer == null) {
            try {
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
            }
            row(header);
        }
    }

    public void row(String line) {
        try {
            writer.write(line);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // every row was flushed
            }
        }
    }
}
