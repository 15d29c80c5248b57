package org.precisionrx.recommender.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.feature.FeatureEncoder;
import org.precisionrx.ml.feature.FeatureSpec;

/**
 * The micro-batcher on the shipped AF benefit model (real TensorFlow): a row's answer has the same
 * bits alone, in company and under concurrency; calls have one shape and never more than max rows;
 * fail-fast when full; failures and shutdown reach every waiting caller.
 */
class BatchingArmModelTest {

    private static TensorFlowArmModel tensorflow;
    private static float[][] rows;

    @BeforeAll
    static void load() throws Exception {
        Path root = ModelLoader.extractShipped();
        tensorflow = TensorFlowArmModel.load(root.resolve("af-stroke-prevention").resolve("benefit"));
        int width = new FeatureEncoder(tensorflow.featureSpec()).width();
        Random random = new Random(8);
        rows = new float[64][width];
        for (float[] row : rows) {
            for (int j = 0; j < width; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
    }

    @AfterAll
    static void close() {
        tensorflow.close();
    }

    @Test
    void everyRowHasTheBitsOfItsRowInAFullBatchAloneOrInCompany() {
        double[][][] fullBatch = tensorflow.predict(rows);
        try (BatchingArmModel batching = BatchingArmModel.start(new Counting(tensorflow, null), 64, Duration.ofMillis(2), 1024)) {
            for (int i = 0; i < rows.length; i++) {
                assertThat(batching.predict(new float[][] {rows[i]})[0]).as("row %d alone", i).isEqualTo(fullBatch[i]);
            }
            double[][][] some = batching.predict(Arrays.copyOfRange(rows, 10, 21));
            for (int i = 0; i < some.length; i++) {
                assertThat(some[i]).as("row %d of 11", 10 + i).isEqualTo(fullBatch[10 + i]);
            }
            assertThat(batching.predict(rows)).isEqualTo(fullBatch);
        }
    }

    @Test
    void concurrentCallersEachGetTheirOwnRowsAnswerInBoundedBatches() throws Exception {
        Counting counting = new Counting(tensorflow, null);
        double[][][] direct = new double[rows.length][][];
        for (int i = 0; i < rows.length; i++) {
            direct[i] = reference(16, rows[i]);
        }
        ArmModel batching = BatchingArmModel.start(counting, 16, Duration.ofMillis(2), 1024);
        ExecutorService callers = Executors.newFixedThreadPool(24);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 24; t++) {
                int first = t;
                done.add(callers.submit(() -> {
                    for (int k = 0; k < 40; k++) {
                        int i = (first * 7 + k * 13) % rows.length;
                        assertThat(batching.predict(new float[][] {rows[i]})[0]).as("row %d", i).isEqualTo(direct[i]);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(counting.shapes).containsOnly(16);
        assertThat(counting.calls).allSatisfy(size -> assertThat(size).isBetween(1, 16));
        assertThat(counting.calls.stream().mapToInt(Integer::intValue).sum()).isEqualTo(24 * 40);
        assertThat(counting.calls).as("calls were shared under load").anySatisfy(size -> assertThat(size).isGreaterThan(1));
    }

    @Test
    void rowsQueuedBehindARunningCallGoTogetherUpToMaxRows() throws Exception {
        Gate gate = new Gate();
        Counting counting = new Counting(tensorflow, gate);
        BatchingArmModel batching = BatchingArmModel.start(counting, 4, Duration.ofMillis(2), 64);
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try {
            List<Future<double[][][]>> answers = new ArrayList<>();
            answers.add(callers.submit(() -> batching.predict(new float[][] {rows[0]})));
            gate.entered.await(10, TimeUnit.SECONDS);
            for (int i = 1; i < 10; i++) {
                float[][] row = {rows[i]};
                answers.add(callers.submit(() -> batching.predict(row)));
            }
            awaitWaitingRows(batching, 9);
            gate.open();
            for (int i = 0; i < answers.size(); i++) {
                assertOwnAnswer(answers.get(i).get(10, TimeUnit.SECONDS)[0], rows[i]);
            }
        } finally {
            callers.shutdownNow();
            batching.close();
        }
        assertThat(counting.calls).containsExactly(1, 4, 4, 1);
        assertThat(counting.shapes).containsOnly(4);
    }

    @Test
    void aLoneRequestDoesNotWaitForTheWindow() {
        try (BatchingArmModel batching = BatchingArmModel.start(new Counting(tensorflow, null), 64, Duration.ofSeconds(30), 64)) {
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                batching.predict(new float[][] {rows[i]});
            }
            // Five 30 s windows would be 150 s: each lone call goes at once instead.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aFullQueueFailsFastAndTheQueuedRequestsStillGetAnswers() throws Exception {
        Gate gate = new Gate();
        BatchingArmModel batching = BatchingArmModel.start(new Counting(tensorflow, gate), 2, Duration.ofMillis(2), 3);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][][]>> answers = new ArrayList<>();
            answers.add(callers.submit(() -> batching.predict(new float[][] {rows[0]})));
            gate.entered.await(10, TimeUnit.SECONDS);
            for (int i = 1; i <= 3; i++) {
                float[][] row = {rows[i]};
                answers.add(callers.submit(() -> batching.predict(row)));
            }
            awaitWaitingRows(batching, 3);
            assertThatThrownBy(() -> batching.predict(new float[][] {rows[4]})).isInstanceOf(ModelBusyException.class)
                    .hasMessageContaining("3 rows waiting (limit 3)");
            gate.open();
            for (int i = 0; i < answers.size(); i++) {
                assertOwnAnswer(answers.get(i).get(10, TimeUnit.SECONDS)[0], rows[i]);
            }
        } finally {
            callers.shutdownNow();
            batching.close();
        }
    }

    @Test
    void aFailingModelFailsEveryWaitingCallerAndServesAgainOnceItRecovers() throws Exception {
        Gate gate = new Gate();
        Counting counting = new Counting(tensorflow, gate);
        counting.failing = true;
        BatchingArmModel batching = BatchingArmModel.start(counting, 8, Duration.ofMillis(2), 64);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][][]>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                float[][] row = {rows[i]};
                answers.add(callers.submit(() -> batching.predict(row)));
            }
            gate.entered.await(10, TimeUnit.SECONDS);
            awaitWaitingRows(batching, 4 - counting.rowsInCall);
            gate.open();
            for (Future<double[][][]> answer : answers) {
                assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("session failed");
            }
            counting.failing = false;
            assertOwnAnswer(batching.predict(new float[][] {rows[5]})[0], rows[5]);
        } finally {
            callers.shutdownNow();
            batching.close();
        }
    }

    @Test
    void closingFailsWaitingCallersLetsTheRunningCallFinishAndClosesTheModel() throws Exception {
        Gate gate = new Gate();
        Counting counting = new Counting(tensorflow, gate);
        BatchingArmModel batching = BatchingArmModel.start(counting, 2, Duration.ofMillis(2), 8);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<double[][][]> running = callers.submit(() -> batching.predict(new float[][] {rows[0]}));
            gate.entered.await(10, TimeUnit.SECONDS);
            List<Future<double[][][]>> waiting = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                float[][] row = {rows[i]};
                waiting.add(callers.submit(() -> batching.predict(row)));
            }
            awaitWaitingRows(batching, 2);
            CompletableFuture<Void> closing = CompletableFuture.runAsync(batching::close);
            for (Future<double[][][]> answer : waiting) {
                assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ModelClosedException.class);
            }
            assertThat(counting.closed).isFalse();
            gate.open();
            assertOwnAnswer(running.get(10, TimeUnit.SECONDS)[0], rows[0]);
            closing.get(10, TimeUnit.SECONDS);
            assertThat(counting.closed).isTrue();
            assertThatThrownBy(() -> batching.predict(new float[][] {rows[3]})).isInstanceOf(ModelClosedException.class)
                    .hasMessageContaining("shutting down");
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * The caller got its own row's answer, not a neighbour's. Tests of the queue's mechanics use
     * tiny shapes (2, 4 rows), at which TensorFlow's answer moves in the last bits with the row's
     * position; bit-identity is checked at the shapes the service uses (16, 64) above.
     */
    private static void assertOwnAnswer(double[][] answer, float[] row) {
        double[][] expected = tensorflow.predict(new float[][] {row})[0];
        for (int m = 0; m < expected.length; m++) {
            for (int a = 0; a < expected[m].length; a++) {
                assertThat(answer[m][a]).isCloseTo(expected[m][a], org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    /** The row's answer in a direct call of the batcher's shape: {@code maxRows} rows, zero-padded. */
    private static double[][] reference(int maxRows, float[] row) {
        float[][] call = new float[maxRows][row.length];
        call[0] = row;
        return tensorflow.predict(call)[0];
    }

    private static void awaitWaitingRows(BatchingArmModel batching, int rows) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (batching.waitingRows() < rows) {
            assertThat(System.nanoTime()).as("%d rows queued in time", rows).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    /** Holds the first model call until opened, so that tests can queue requests behind it. */
    private static final class Gate {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch opened = new CountDownLatch(1);

        void pass() {
            entered.countDown();
            try {
                opened.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void open() {
            opened.countDown();
        }
    }

    /**
     * Records every call to the real model: its shape and its callers' rows (the batcher pads with
     * zero rows; the test rows are never all zero). Optionally gated or failing.
     */
    private static final class Counting implements ArmModel {
        final ArmModel model;
        final Gate gate;
        final List<Integer> shapes = new CopyOnWriteArrayList<>();
        final List<Integer> calls = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        volatile int rowsInCall;
        volatile boolean closed;

        Counting(ArmModel model, Gate gate) {
            this.model = model;
            this.gate = gate;
        }

        @Override
        public double[][][] predict(float[][] encoded) {
            int rows = (int) Arrays.stream(encoded).filter(row -> !Arrays.equals(row, new float[row.length])).count();
            shapes.add(encoded.length);
            calls.add(rows);
            rowsInCall = rows;
            if (gate != null) {
                gate.pass();
            }
            if (failing) {
                throw new IllegalStateException("session failed");
            }
            return model.predict(encoded);
        }

        @Override
        public void close() {
            closed = true; // the shared real model is closed once, after all tests
        }

        public List<String> arms() {
            return model.arms();
        }

        public String version() {
            return model.version();
        }

        public String sha256() {
            return model.sha256();
        }

        public FeatureSpec featureSpec() {
            return model.featureSpec();
        }

        public Optional<ModelCard> modelCard() {
            return model.modelCard();
        }

        public float[][] attributions(float[] encoded, float[] baseline, int[] arms, int steps) {
            return model.attributions(encoded, baseline, arms, steps);
        }
    }
}
