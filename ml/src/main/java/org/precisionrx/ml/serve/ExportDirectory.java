package org.precisionrx.ml.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.precisionrx.ml.feature.FeatureEncoder;
import org.precisionrx.ml.feature.FeatureSpec;

/** Checks shared by every SavedModel export: the encoder fits the network, and nothing is overwritten. */
public final class ExportDirectory {

    private ExportDirectory() {
    }

    /** Creates {@code dir}; fails if the feature spec's width is not the network's or the folder is not empty. */
    public static void prepare(Path dir, FeatureSpec featureSpec, int inputWidth) throws IOException {
        int width = new FeatureEncoder(featureSpec).width();
        if (width != inputWidth) {
            throw new IllegalArgumentException("feature spec encodes " + width + " columns, model expects " + inputWidth);
        }
        if (Files.exists(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("export directory is not empty: " + dir);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
