package org.spr.model;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.spr.report.AtomicFiles;

/**
 * The one model file ({@code .sprmodel}) for every kind: a zip holding {@code metadata.json} ({@link ModelMetadata},
 * including the SHA-256 of the weights) and {@code weights.bin} (linear: raw doubles; CNN: architecture, scalers and
 * DJL parameters; XGBoost: booster bytes). Written atomically; on load a truncated or corrupt file (bad zip, CRC or
 * weights hash), a missing section, or a newer format version is refused with one sentence naming the file.
 */
public final class ModelFile {

    /** Format version written by this build; files with a larger version are refused. */
    public static final int FORMAT_VERSION = 1;
    /** Conventional file extension. */
    public static final String EXTENSION = ".sprmodel";

    private static final String METADATA_ENTRY = "metadata.json";
    private static final String WEIGHTS_ENTRY = "weights.bin";

    private ModelFile() {
    }

    /** Writes {@code model} to {@code file} atomically (temporary file + rename). */
    public static void save(SprModel model, Path file) {
        byte[] weights = model.backend().weights();
        ModelMetadata metadata = model.metadata().withWeightsSha256(sha256(weights));
        byte[] json = JsonCodec.gson().toJson(metadata).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
            zip.write(json);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(WEIGHTS_ENTRY));
            zip.write(weights);
            zip.closeEntry();
            zip.finish();
        });
    }

    /** Loads a model file. */
    public static SprModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file.toString(), "no such model file");
        } catch (IOException e) {
            throw new ModelFileException(file.toString(), "cannot read the model file (" + e.getMessage() + ")", e);
        }
    }

    /** Loads a model shipped as a classpath resource, e.g. {@code /org/spr/models/amc-pdos-linear.sprmodel}. */
    public static SprModel loadResource(String resource) {
        InputStream in = ModelFile.class.getResourceAsStream(resource);
        if (in == null) {
            throw new ModelFileException(resource, "no such model resource on the classpath");
        }
        try (in) {
            return load(in, "classpath:" + resource);
        } catch (IOException e) {
            throw new ModelFileException(resource, "cannot read the model resource (" + e.getMessage() + ")", e);
        }
    }

    /** Reads only the metadata of a model file (no backend is created). */
    public static ModelMetadata readMetadata(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parseMetadata(readSections(in, file.toString()), file.toString());
        } catch (IOException e) {
            throw new ModelFileException(file.toString(), "cannot read the model file (" + e.getMessage() + ")", e);
        }
    }

    /** Reads only the metadata of a model from a stream ({@code source} names it in messages). */
    public static ModelMetadata readMetadata(InputStream in, String source) {
        return parseMetadata(readSections(in, source), source);
    }

    /** Loads a model from a stream; {@code source} names it in messages. */
    public static SprModel load(InputStream in, String source) {
        Sections sections = readSections(in, source);
        ModelMetadata metadata = parseMetadata(sections, source);
        if (sections.weights == null) {
            throw new ModelFileException(source, "the model file has no weights section (truncated or not a model file)");
        }
        if (!metadata.weightsSha256().isEmpty() && !metadata.weightsSha256().equals(sha256(sections.weights))) {
            throw new ModelFileException(source, "the weights section does not match its recorded SHA-256 (the file is corrupt)");
        }
        ModelBackend backend;
        try {
            backend = switch (metadata.kind()) {
                case LINEAR -> LinearBackend.fromWeights(sections.weights);
                case CNN -> CnnBackend.fromWeights(sections.weights);
                case XGBOOST -> XgboostBackend.fromWeights(sections.weights);
            };
        } catch (RuntimeException e) {
            throw new ModelFileException(source, "the " + metadata.kind().label() + " weights cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            return new SprModel(metadata, backend);
        } catch (IllegalArgumentException e) {
            backend.close();
            throw new ModelFileException(source, "metadata and weights disagree (" + e.getMessage() + ")", e);
        }
    }

    private record Sections(byte[] metadata, byte[] weights) {
    }

    private static Sections readSections(InputStream in, String source) {
        byte[] metadata = null;
        byte[] weights = null;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries++;
                byte[] bytes = readAll(zip);
                if (METADATA_ENTRY.equals(entry.getName())) {
                    metadata = bytes;
                } else if (WEIGHTS_ENTRY.equals(entry.getName())) {
                    weights = bytes;
                }
            }
        } catch (IOException e) {
            throw new ModelFileException(source, "the model file is truncated or corrupt (" + e.getMessage() + ")", e);
        }
        if (entries == 0) {
            throw new ModelFileException(source, "not a model file (no zip entries; truncated, empty or another format)");
        }
        if (metadata == null) {
            throw new ModelFileException(source, "the model file has no " + METADATA_ENTRY + " section");
        }
        return new Sections(metadata, weights);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static ModelMetadata parseMetadata(Sections sections, String source) {
        String text = new String(sections.metadata, StandardCharsets.UTF_8);
        JsonObject object;
        try {
            object = JsonParser.parseString(text).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new ModelFileException(source, "the metadata is not valid JSON (" + e.getMessage() + ")", e);
        }
        if (!object.has("formatVersion")) {
            throw new ModelFileException(source, "the metadata has no formatVersion");
        }
        int version = object.get("formatVersion").getAsInt();
        if (version > FORMAT_VERSION) {
            throw new ModelFileException(source, "written with model format version " + version
                    + ", newer than this build reads (" + FORMAT_VERSION + "); update spr to load it");
        }
        if (version < 1) {
            throw new ModelFileException(source, "invalid model format version " + version);
        }
        ModelMetadata metadata;
        try {
            metadata = JsonCodec.gson().fromJson(object, ModelMetadata.class);
        } catch (RuntimeException e) {
            throw new ModelFileException(source, "the metadata is incomplete or invalid (" + e.getMessage() + ")", e);
        }
        if (metadata.kind() == null || metadata.input() == null || metadata.output() == null) {
            throw new ModelFileException(source, "the metadata lacks the model kind, input or output spec");
        }
        return metadata;
    }

    /** SHA-256 of bytes as lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
