package org.precisionrx.ml.serve;

import java.util.List;
import org.precisionrx.ml.nn.MlpSpec;
import org.precisionrx.ml.train.Loss;

/**
 * {@code model.json} beside the SavedModel: architecture and head, so a loader can check input widths,
 * rebuild the plain-Java forward pass, and tell which signatures exist without parsing protobufs.
 */
public record ExportedModel(MlpSpec spec, Loss loss, String weightsSha256, List<String> signatures) {
    public static final String FILE_NAME = "model.json";

    public ExportedModel {
        signatures = List.copyOf(signatures);
    }
}
