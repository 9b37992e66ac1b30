package org.spr.model;

/** What to do when an input g(r) differs from the model's grid only in resolution. */
public enum Resampling {
    /** Refuse any grid difference (the default). */
    REFUSE,
    /** Linearly interpolate a pure resolution change onto the model's grid. */
    RESAMPLE
}
