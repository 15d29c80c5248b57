package org.precisionrx.ml.feature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns raw string values into the model input vector. Training (CSV rows) and serving (service inputs)
 * both call {@link #encode}, so there is exactly one encoding code path. Immutable and thread-safe.
 */
public final class FeatureEncoder {
    private final FeatureSpec spec;
    private final List<String> columns;

    public FeatureEncoder(FeatureSpec spec) {
        if (!spec.isFitted()) {
            throw new IllegalArgumentException("feature spec " + spec.name() + " is not fitted");
        }
        this.spec = spec;
        List<String> names = new ArrayList<>();
        spec.features().forEach(f -> names.addAll(f.columnNames()));
        this.columns = List.copyOf(names);
    }

    public FeatureSpec spec() {
        return spec;
    }

    public int width() {
        return columns.size();
    }

    public List<String> columnNames() {
        return columns;
    }

    /** Encodes one row; keys absent from {@code raw} count as missing, extra keys are ignored. */
    public float[] encode(Map<String, String> raw) {
        float[] out = new float[columns.size()];
        int col = 0;
        for (Feature f : spec.features()) {
            String value = raw.get(f.name());
            boolean missing = RawValues.isMissing(value);
            switch (f.kind()) {
                case NUMERIC -> {
                    // Missing -> 0, i.e. the training mean after standardisation; the indicator says it was imputed.
                    out[col++] = missing ? 0f : (float) ((RawValues.number(f.name(), value) - f.mean()) / f.std());
                    if (f.missingIndicator()) {
                        out[col++] = missing ? 1f : 0f;
                    }
                }
                case CATEGORICAL -> {
                    int idx = missing ? -1 : f.categories().indexOf(value.trim());
                    if (idx < 0) {
                        idx = f.categories().indexOf(f.unknownCategory());
                    }
                    out[col + idx] = 1f;
                    col += f.categories().size();
                }
                case BOOLEAN -> out[col++] = !missing && RawValues.bool(f.name(), value) ? 1f : 0f;
                default -> throw new IllegalStateException("unknown kind " + f.kind());
            }
        }
        return out;
    }

    public float[][] encodeAll(List<Map<String, String>> rows) {
        float[][] out = new float[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = encode(rows.get(i));
        }
        return out;
    }
}
