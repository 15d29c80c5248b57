package org.precisionrx.recommender.model;

/**
 * Checks a freshly loaded model set before it serves: every model answers a reference input with
 * one finite probability per member and arm.
 */
final class SelfCheck {

    private SelfCheck() {
    }

    static void verify(ModelSet set) {
        if (set.byIndication().isEmpty()) {
            throw new IllegalStateException("model set " + set.version() + " has no indications");
        }
        set.byIndication().values().forEach(models -> {
            check(models.indication() + "/benefit", models.benefit(), models.encoder().width());
            check(models.indication() + "/adverse-events", models.adverseEvents(), models.encoder().width());
        });
    }

    private static void check(String name, ArmModel model, int width) {
        double[][][] out = model.predict(new float[][] {new float[width]});
        if (out.length != 1 || out[0].length == 0) {
            throw new IllegalStateException(name + ": no output for the reference input");
        }
        for (double[] member : out[0]) {
            if (member.length != model.arms().size()) {
                throw new IllegalStateException(name + ": " + member.length + " outputs for " + model.arms().size() + " arms");
            }
            for (double p : member) {
                if (!Double.isFinite(p) || p < 0 || p > 1) {
                    throw new IllegalStateException(name + ": output " + p + " is not a probability");
                }
            }
        }
    }
}
