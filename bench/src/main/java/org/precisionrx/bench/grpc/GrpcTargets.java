package org.precisionrx.bench.grpc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import org.precisionrx.bench.load.Target;
import org.precisionrx.recommender.v1.RecommendRequest;
import org.precisionrx.recommender.v1.RecommendResponse;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc.RecommenderServiceStub;

/** gRPC calls the generator sends, through the async stubs, each with its own deadline. */
public final class GrpcTargets {

    private GrpcTargets() {
    }

    /** {@code Recommend} for the patients in turn, each for their own indication. */
    public static Target recommend(ManagedChannel channel, List<LoadedPatient> patients, Duration deadline) {
        RecommenderServiceStub stub = RecommenderServiceGrpc.newStub(channel);
        RecommendRequest[] requests = patients.stream()
                .map(p -> RecommendRequest.newBuilder().setPatientId(p.patientId()).setIndicationId(p.indication())
                        .setMaxOptions(3).setIncludeExplanations(true).build())
                .toArray(RecommendRequest[]::new);
        return sequence -> {
            UnaryObserver<RecommendResponse> observer = new UnaryObserver<>();
            stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .recommend(requests[(int) (sequence % requests.length)], observer);
            return observer.outcome;
        };
    }
}
