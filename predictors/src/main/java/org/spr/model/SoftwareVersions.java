package org.spr.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Versions recorded in model and dataset provenance. */
public final class SoftwareVersions {

    /** Model libraries this build is compiled against (see the root pom). */
    public static final String DJL = "0.32.0";
    public static final String PYTORCH = "2.5.1";
    public static final String XGBOOST = "2.1.3";

    private SoftwareVersions() {
    }

    /** Java, SPR and model-library versions. */
    public static Map<String, String> current() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("java", System.getProperty("java.version", "unknown"));
        String spr = SoftwareVersions.class.getPackage().getImplementationVersion();
        versions.put("spr", spr == null ? "dev" : spr);
        versions.put("djl", DJL);
        versions.put("pytorch", PYTORCH);
        versions.put("xgboost", XGBOOST);
        return versions;
    }
}
