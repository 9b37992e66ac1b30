package org.spr.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The project's JSON settings for model metadata and dataset sidecars (Gson, records, pretty-printed, NaN allowed). */
public final class JsonCodec {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();

    private JsonCodec() {
    }

    /** The shared Gson instance (thread-safe). */
    public static Gson gson() {
        return GSON;
    }
}
