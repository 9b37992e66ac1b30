package org.spr.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON metadata of a model file: what the model is, what it expects and predicts, and where it came from.
 *
 * @param formatVersion  model-file format version this metadata was written with
 * @param kind           backend kind
 * @param input          the exact g(r) input the model expects
 * @param output         what it predicts
 * @param training       training data and settings
 * @param heldOutMetrics metrics on held-out data (e.g. test_mse, test_r2), possibly empty
 * @param software       software versions (java, spr, djl, xgboost …)
 * @param created        creation time, ISO-8601
 * @param weightsSha256  SHA-256 (hex) of the weights section, checked on load
 * @param domain         the applicability domain of the training inputs, or null (files written before it existed,
 *                       or models built without training data): predictions then report a NaN domain distance
 */
public record ModelMetadata(int formatVersion, ModelKind kind, DescriptorSpec input, OutputSpec output,
                            TrainingProvenance training, Map<String, Double> heldOutMetrics, Map<String, String> software,
                            String created, String weightsSha256, TrainingDomain domain) {

    public ModelMetadata {
        heldOutMetrics = heldOutMetrics == null ? Map.of() : new TreeMap<>(heldOutMetrics);
        software = software == null ? Map.of() : new TreeMap<>(software);
        created = created == null ? "" : created;
        weightsSha256 = weightsSha256 == null ? "" : weightsSha256;
    }

    /**
     * Metadata of a freshly trained model (current format version, software versions and time; no metrics yet), with
     * the applicability domain fitted on the training inputs ({@link TrainingDomain#DEFAULT_COMPONENTS} components).
     */
    public static ModelMetadata forTraining(ModelKind kind, TrainingData data, long seed, Map<String, String> hyperparameters) {
        return new ModelMetadata(ModelFile.FORMAT_VERSION, kind, data.inputSpec(), data.outputSpec(),
                data.provenance().withTraining(seed, hyperparameters), Map.of(), SoftwareVersions.current(),
                java.time.OffsetDateTime.now().withNano(0).toString(), "",
                TrainingDomain.fit(data.x(), TrainingDomain.DEFAULT_COMPONENTS));
    }

    /** Copy with other held-out metrics. */
    public ModelMetadata withHeldOutMetrics(Map<String, Double> metrics) {
        return new ModelMetadata(formatVersion, kind, input, output, training, metrics, software, created, weightsSha256, domain);
    }

    /** Copy with the given weights hash. */
    public ModelMetadata withWeightsSha256(String sha256) {
        return new ModelMetadata(formatVersion, kind, input, output, training, heldOutMetrics, software, created, sha256, domain);
    }

    /** Copy with another applicability domain (null for none). */
    public ModelMetadata withDomain(TrainingDomain newDomain) {
        return new ModelMetadata(formatVersion, kind, input, output, training, heldOutMetrics, software, created, weightsSha256, newDomain);
    }

    /** Copy with extra software versions merged in. */
    public ModelMetadata withSoftware(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(software);
        merged.putAll(more);
        return new ModelMetadata(formatVersion, kind, input, output, training, heldOutMetrics, merged, created, weightsSha256, domain);
    }
}
