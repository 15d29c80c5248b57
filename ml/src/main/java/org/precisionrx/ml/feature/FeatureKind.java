package org.precisionrx.ml.feature;

/** How a raw string value becomes model input columns. */
public enum FeatureKind {
    /** Standardised with mean/std fitted on training rows; optional missing-indicator column. */
    NUMERIC,
    /** One-hot over an explicit category list; missing or unseen values go to the explicit unknown category. */
    CATEGORICAL,
    /** One column, 1 for true and 0 for false or missing. */
    BOOLEAN
}
