package org.precisionrx.ml.feature;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * One typed input. Definitions (before fitting) leave {@code mean}/{@code std} null; {@link FeatureSpec#fit}
 * fills them from training rows. Categories are explicit so the one-hot width never depends on the data seen.
 *
 * @param missingIndicator NUMERIC only: add a column that is 1 when the value is missing
 * @param categories CATEGORICAL only: the one-hot columns, in order; must contain {@code unknownCategory}
 * @param unknownCategory CATEGORICAL only: the category used for missing or unseen values
 */
public record Feature(String name, FeatureKind kind, Double mean, Double std, boolean missingIndicator,
                      List<String> categories, String unknownCategory) {

    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("feature name is blank");
        }
        if (kind == FeatureKind.CATEGORICAL) {
            if (categories == null || categories.isEmpty() || unknownCategory == null
                    || !categories.contains(unknownCategory)) {
                throw new IllegalArgumentException(name + ": categorical needs categories containing the unknown category");
            }
            if (categories.stream().distinct().count() != categories.size()) {
                throw new IllegalArgumentException(name + ": duplicate categories");
            }
            categories = List.copyOf(categories);
        } else if (categories != null || unknownCategory != null) {
            throw new IllegalArgumentException(name + ": only categorical features have categories");
        }
        if (std != null && !(std > 0)) {
            throw new IllegalArgumentException(name + ": std must be > 0");
        }
    }

    public static Feature numeric(String name, boolean missingIndicator) {
        return new Feature(name, FeatureKind.NUMERIC, null, null, missingIndicator, null, null);
    }

    public static Feature categorical(String name, List<String> categories, String unknownCategory) {
        return new Feature(name, FeatureKind.CATEGORICAL, null, null, false, categories, unknownCategory);
    }

    public static Feature bool(String name) {
        return new Feature(name, FeatureKind.BOOLEAN, null, null, false, null, null);
    }

    /** This numeric feature with fitted standardisation parameters. */
    public Feature withStats(double mean, double std) {
        return new Feature(name, kind, mean, std, missingIndicator, categories, unknownCategory);
    }

    @JsonIgnore
    public boolean isFitted() {
        return kind != FeatureKind.NUMERIC || (mean != null && std != null);
    }

    /** Names of the encoded columns, in order. */
    @JsonIgnore
    public List<String> columnNames() {
        return switch (kind) {
            case NUMERIC -> missingIndicator ? List.of(name, name + "__missing") : List.of(name);
            case CATEGORICAL -> categories.stream().map(c -> name + "=" + c).toList();
            case BOOLEAN -> List.of(name);
        };
    }
}
