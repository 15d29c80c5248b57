package org.precisionrx.bench.grpc;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.precisionrx.recommender.v1.PopulationScore;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc;
import org.precisionrx.recommender.v1.ScorePopulationRequest;

/** One {@code ScorePopulation} stream over every stored patient, timed from the call to the last score. */
public final class PopulationScoring {

    /** What the stream delivered: scores, per-patient errors by code, and how it ended. */
    public record Result(long scored, Map<String, Long> itemErrors, double seconds, String streamError) {

        public double patientsPerSecond() {
            return seconds > 0 ? (scored + itemErrors.values().stream().mapToLong(Long::longValue).sum()) / seconds : 0;
        }
    }

    private PopulationScoring() {
    }

    public static Result run(ManagedChannel recommenderChannel, String indication, Duration deadline) {
        var stub = RecommenderServiceGrpc.newBlockingStub(recommenderChannel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
        long scored = 0;
        Map<String, Long> errors = new TreeMap<>();
        String streamError = null;
        long start = System.nanoTime();
        try {
            Iterator<PopulationScore> scores = stub.scorePopulation(ScorePopulationRequest.newBuilder().setIndicationId(indication).build());
            while (scores.hasNext()) {
                PopulationScore score = scores.next();
                if (score.hasError()) {
                    errors.merge(score.getError().getCode(), 1L, Long::sum);
                } else {
                    scored++;
                }
            }
        } catch (StatusRuntimeException e) {
            Status status = e.getStatus();
            streamError = status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
        }
        return new Result(scored, errors, (System.nanoTime() - start) / 1e9, streamError);
    }
}
