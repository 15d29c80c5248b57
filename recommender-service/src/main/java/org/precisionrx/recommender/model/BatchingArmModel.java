package org.precisionrx.recommender.model;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.feature.FeatureSpec;

/**
 * Micro-batching in front of a model: concurrent {@link #predict} calls are coalesced by one
 * dispatcher thread into one call of the wrapped model (one TensorFlow session call) of at most
 * {@code maxRows} rows, so that under load the fixed cost of a session call is shared; each caller
 * gets its own rows' answers back, or the batch's failure.
 *
 * <p>A batch goes as soon as it is full or no other caller is inside the model (queued, or just
 * handed the previous batch's answer and not yet gone): a lone request never waits for company.
 * The dispatcher waits for such callers at most {@code maxWait} after the oldest queued row
 * arrived. When {@code queueCapacity} rows are already waiting, a request fails at once with
 * {@link ModelBusyException}; after {@link #close} every waiting caller gets a
 * {@link ModelClosedException}.
 *
 * <p>Every call has the same shape: {@code maxRows} rows, padded with zero rows. TensorFlow picks
 * its matrix kernels by shape, and a row scored in a batch of 1 can differ in the last bits from
 * the same row in a batch of 64; at one fixed shape a patient's answer has the same bits whether
 * the service is idle or busy ({@code BatchingArmModelTest}). Requests of {@code maxRows} rows or
 * more skip the queue and run on the caller's thread in chunks of that shape. Explanations are one
 * integrated-gradients call of their own and are not batched.
 */
public final class BatchingArmModel implements ArmModel {

    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final ArmModel model;
    private final int maxRows;
    private final long maxWaitNanos;
    private final int queueCapacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private final Thread dispatcher;
    private int queuedRows;
    /** Callers between entering {@link #predict} and leaving it, whether queued, in a call or done. */
    private int inside;
    private boolean closed;

    private BatchingArmModel(ArmModel model, int maxRows, Duration maxWait, int queueCapacity) {
        if (maxRows < 1 || queueCapacity < maxRows || maxWait.isNegative()) {
            throw new IllegalArgumentException("micro-batching needs max rows >= 1, a queue of at least max rows and a"
                    + " wait >= 0; got " + maxRows + " rows, queue " + queueCapacity + ", wait " + maxWait);
        }
        this.model = model;
        this.maxRows = maxRows;
        this.maxWaitNanos = maxWait.toNanos();
        this.queueCapacity = queueCapacity;
        this.dispatcher = new Thread(this::dispatch, "batch-" + model.cardId());
        dispatcher.setDaemon(true);
    }

    /** Wraps {@code model} and starts its dispatcher; closing the result closes {@code model}. */
    public static BatchingArmModel start(ArmModel model, int maxRows, Duration maxWait, int queueCapacity) {
        BatchingArmModel batching = new BatchingArmModel(model, maxRows, maxWait, queueCapacity);
        batching.dispatcher.start();
        return batching;
    }

    @Override
    public double[][][] predict(float[][] encoded) {
        if (encoded.length == 0) {
            return new double[0][][];
        }
        if (encoded.length >= maxRows) {
            return inFixedShape(encoded); // full batches on their own
        }
        Request request = new Request(encoded, System.nanoTime());
        enqueue(request);
        try {
            return request.answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelClosedException("interrupted while waiting for the " + model.cardId() + " model");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("the " + model.cardId() + " model failed", e.getCause());
        } finally {
            leave();
        }
    }

    private void enqueue(Request request) {
        lock.lock();
        try {
            if (closed) {
                throw new ModelClosedException("the " + model.cardId() + " model is shutting down");
            }
            if (queuedRows + request.rows.length > queueCapacity) {
                throw new ModelBusyException("the " + model.cardId() + " model has " + queuedRows
                        + " rows waiting (limit " + queueCapacity + "); try again shortly");
            }
            queue.add(request);
            queuedRows += request.rows.length;
            inside++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void leave() {
        lock.lock();
        try {
            inside--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void dispatch() {
        List<Request> batch;
        while ((batch = nextBatch()) != null) {
            call(batch);
        }
    }

    /** The next batch, or null once closed. */
    private List<Request> nextBatch() {
        lock.lock();
        try {
            while (queue.isEmpty() && !closed) {
                changed.awaitUninterruptibly();
            }
            if (closed) {
                return null;
            }
            long deadline = queue.peek().arrived + maxWaitNanos;
            List<Request> batch = new ArrayList<>();
            int rows = 0;
            while (true) {
                while (!queue.isEmpty() && rows + queue.peek().rows.length <= maxRows) {
                    Request next = queue.poll();
                    queuedRows -= next.rows.length;
                    rows += next.rows.length;
                    batch.add(next);
                }
                boolean full = !queue.isEmpty();
                boolean nobodyElse = inside == batch.size();
                long left = deadline - System.nanoTime();
                if (full || nobodyElse || left <= 0 || closed) {
                    return batch;
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void call(List<Request> batch) {
        float[][] rows = batch.stream().flatMap(r -> Arrays.stream(r.rows)).toArray(float[][]::new);
        try {
            double[][][] answers = inFixedShape(rows);
            int offset = 0;
            for (Request request : batch) {
                request.answer.complete(Arrays.copyOfRange(answers, offset, offset + request.rows.length));
                offset += request.rows.length;
            }
        } catch (RuntimeException | Error e) {
            // Every caller of the batch learns of the failure; the dispatcher goes on.
            batch.forEach(request -> request.answer.completeExceptionally(e));
        }
    }

    /** Scores the rows in calls of exactly {@code maxRows} rows, the last one padded with zero rows. */
    private double[][][] inFixedShape(float[][] rows) {
        double[][][] answers = new double[rows.length][][];
        float[] padding = new float[rows[0].length];
        for (int start = 0; start < rows.length; start += maxRows) {
            int count = Math.min(maxRows, rows.length - start);
            float[][] call = new float[maxRows][];
            System.arraycopy(rows, start, call, 0, count);
            Arrays.fill(call, count, maxRows, padding);
            System.arraycopy(model.predict(call), 0, answers, start, count);
        }
        return answers;
    }

    /** Stops taking requests, fails those still queued, lets a running call finish, then closes the model. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (Request request : queue) {
                request.answer.completeExceptionally(new ModelClosedException("the " + model.cardId() + " model was closed"));
            }
            queue.clear();
            queuedRows = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            dispatcher.join(CLOSE_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        model.close();
    }

    /** Rows queued and not yet taken into a call. */
    int waitingRows() {
        lock.lock();
        try {
            return queuedRows;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public float[][] attributions(float[] encoded, float[] baseline, int[] arms, int steps) {
        return model.attributions(encoded, baseline, arms, steps);
    }

    @Override
    public List<String> arms() {
        return model.arms();
    }

    @Override
    public String version() {
        return model.version();
    }

    @Override
    public String sha256() {
        return model.sha256();
    }

    @Override
    public FeatureSpec featureSpec() {
        return model.featureSpec();
    }

    @Override
    public Optional<ModelCard> modelCard() {
        return model.modelCard();
    }

    @Override
    public String cardId() {
        return model.cardId();
    }

    private static final class Request {
        final float[][] rows;
        final long arrived;
        final CompletableFuture<double[][][]> answer = new CompletableFuture<>();

        Request(float[][] rows, long arrived) {
            this.rows = rows;
            this.arrived = arrived;
        }
    }
}
