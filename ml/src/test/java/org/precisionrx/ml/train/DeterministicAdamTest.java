package org.precisionrx.ml.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeterministicAdamTest {
    @Test
    void firstStepMovesEachWeightByTheLearningRateAgainstTheGradientSign() {
        float[][] w = {{1f, -2f}, {0.5f}};
        DeterministicAdam adam = new DeterministicAdam(0.1, 0.9, 0.999, 1e-7, w);
        adam.step(w, new float[][] {{3f, -0.01f}, {0f}});
        // With bias correction, step 1 is lr * g / (|g| + eps): the sign of g times lr.
        assertThat(w[0][0]).isCloseTo(0.9f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(w[0][1]).isCloseTo(-1.9f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(w[1][0]).isEqualTo(0.5f);
        assertThat(adam.steps()).isEqualTo(1);
    }

    @Test
    void minimisesAQuadratic() {
        float[][] w = {{5f, -3f}};
        DeterministicAdam adam = DeterministicAdam.withDefaults(0.1, w);
        for (int i = 0; i < 500; i++) {
            adam.step(w, new float[][] {{2 * (w[0][0] - 1), 2 * (w[0][1] + 2)}}); // grad of (a-1)^2 + (b+2)^2
        }
        assertThat(w[0][0]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-2f));
        assertThat(w[0][1]).isCloseTo(-2f, org.assertj.core.data.Offset.offset(1e-2f));
    }
}
