package org.precisionrx.recommender.testsupport;

import io.grpc.stub.StreamObserver;
import org.precisionrx.dosage.v1.DoseRecommendation;
import org.precisionrx.dosage.v1.DoseResult;
import org.precisionrx.dosage.v1.DoseStatus;
import org.precisionrx.dosage.v1.DosageServiceGrpc;
import org.precisionrx.dosage.v1.RecommendDosesRequest;
import org.precisionrx.dosage.v1.RecommendDosesResponse;
import org.precisionrx.testsupport.StandIn;

/** dosage-service's RecommendDoses as a {@link StandIn} scripts it: a standard dose for every drug asked about. */
public final class StandInDosage extends DosageServiceGrpc.DosageServiceImplBase {

    private final StandIn script;

    public StandInDosage(StandIn script) {
        this.script = script;
    }

    @Override
    public void recommendDoses(RecommendDosesRequest request, StreamObserver<RecommendDosesResponse> response) {
        script.answer(response, () -> {
            RecommendDosesResponse.Builder doses = RecommendDosesResponse.newBuilder();
            request.getRequestsList().forEach(dose -> doses.addResults(DoseResult.newBuilder().setRecommendation(
                    DoseRecommendation.newBuilder().setDrugId(dose.getDrugId()).setStatus(DoseStatus.DOSE_STATUS_STANDARD))));
            return doses.build();
        });
    }
}
