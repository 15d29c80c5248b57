package org.precisionrx.ml.causal;

import java.util.List;

/**
 * {@code model.json} of a multi-arm export: architecture, arm labels (head a predicts arm a), outcome
 * direction, training options and weights hashes, so a loader can check widths and rebuild the plain-Java
 * forward pass without parsing protobufs.
 *
 * @param treatment  name of the treatment column the arms came from (null when trained from arrays)
 * @param outcome    name of the outcome column (null when trained from arrays)
 * @param higherIsBetter whether a larger outcome is better (false e.g. for adverse-event risk)
 */
public record MultiArmModelInfo(String format, TarnetSpec spec, List<String> arms, int members, Ipm ipm,
                                double alpha, long seed, String treatment, String outcome, boolean higherIsBetter,
                                String weightsSha256, List<String> memberWeightsSha256, List<String> signatures) {
    public static final String FILE_NAME = "model.json";
    public static final String FORMAT = "prx-multi-arm/1";

    public MultiArmModelInfo {
        arms = List.copyOf(arms);
        memberWeightsSha256 = List.copyOf(memberWeightsSha256);
        signatures = List.copyOf(signatures);
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("not a multi-arm model (format " + format + ")");
        }
        if (arms.size() != spec.arms()) {
            throw new IllegalArgumentException(arms.size() + " arm labels for " + spec.arms() + " heads");
        }
    }

    /** Names and direction supplied by the caller of an export. */
    public record Labels(List<String> arms, String treatment, String outcome, boolean higherIsBetter) {
        public Labels {
            arms = List.copyOf(arms);
        }
    }
}
