package org.precisionrx.recommender.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.precisionrx.recommender.testsupport.Models;
import org.precisionrx.recommender.v1.PopulationScore;
import org.precisionrx.recommender.v1.RankedOption;
import org.precisionrx.recommender.v1.RecommendResponse;
import org.precisionrx.recommender.v1.ScorePopulationRequest;
import org.precisionrx.testsupport.GrpcFailures;

/** What callers of Recommend and ScorePopulation see when a downstream fails. See {@link StandInClientsTest}. */
@QuarkusTest
@WithTestResource(StandInDownstreams.class)
class ClientFailuresThroughRecommendTest extends StandInClientsTest {

    @Test
    void profileServiceFailingIsUnavailableNamingItNeverUnknown() {
        Models.awaitLoaded(registry);
        for (Status status : new Status[] {Status.UNAVAILABLE, Status.INTERNAL, Status.UNKNOWN, Status.RESOURCE_EXHAUSTED}) {
            resetAll();
            profiles.failNext(1_000, status);
            StatusRuntimeException e = GrpcFailures.of(() -> recommend(recommender));
            assertThat(e.getStatus().getCode()).as(status.getCode().name()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(e.getStatus().getDescription()).as(status.getCode().name())
                    .isEqualTo("patient-profile-service did not answer (" + status.getCode() + ")");
            assertThat(profiles.calls).as(status.getCode().name()).hasValue(status == Status.UNAVAILABLE ? 3 : 1);
        }
        assertThat(dosage.calls).as("no ranking, so no dose asked").hasValue(0);
    }

    @Test
    void dosageServiceFailingGivesTheRankingWithoutDosesFlaggedDegraded() {
        Models.awaitLoaded(registry);
        RecommendResponse whole = recommend(recommender);
        assertThat(whole.getDegraded()).isFalse();
        assertThat(whole.getOptionsList()).isNotEmpty().allSatisfy(o -> assertThat(o.hasDose()).isTrue());

        for (Status status : new Status[] {Status.UNAVAILABLE, Status.INTERNAL}) {
            resetAll();
            dosage.failNext(1_000, status);
            RecommendResponse degraded = recommend(recommender);
            assertDegraded(degraded, "dosage-service did not answer (" + status.getCode() + ")");
            assertThat(degraded.getOptionsList()).extracting(RankedOption::getDrugId)
                    .containsExactlyInAnyOrderElementsOf(whole.getOptionsList().stream().map(RankedOption::getDrugId).toList());
            assertThat(dosage.calls).as(status.getCode().name()).hasValue(status == Status.UNAVAILABLE ? 3 : 1);
        }
    }

    @Test
    void dosageServiceRefusingTheRequestIsSaidSoNotThatItDidNotAnswer() {
        Models.awaitLoaded(registry);
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLevel() + " " + (record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(DosageClient.class.getName());
        log.addHandler(capture);
        try {
            for (Status status : new Status[] {Status.INVALID_ARGUMENT, Status.NOT_FOUND}) {
                resetAll();
                logged.clear();
                dosage.failNext(1, status);
                String refused = "dosage-service refused the request (" + status.getCode() + ": scripted failure)";

                RecommendResponse degraded = recommend(recommender);
                assertDegraded(degraded, refused);
                assertThat(degraded.getWarningsList()).as(status.getCode().name()).noneSatisfy(w -> assertThat(w).contains("did not answer"));
                assertThat(logged).as(status.getCode().name()).containsExactly("WARN " + refused + "; ranking without doses");
                assertThat(dosage.calls).as(status.getCode() + ": answered, so not retried").hasValue(1);
            }
        } finally {
            log.removeHandler(capture);
        }
    }

    @Test
    void theCallersDeadlineReachesBothDownstreamsThroughRecommend() {
        Models.awaitLoaded(registry);
        long caller = 6_000;
        recommend(recommender.withDeadlineAfter(caller, TimeUnit.MILLISECONDS));
        assertThat(profiles.deadlines).singleElement().satisfies(left -> assertThat(left).isBetween(1L, caller));
        assertThat(dosage.deadlines).singleElement().satisfies(left -> assertThat(left).isBetween(1L, caller));

        resetAll();
        recommend(recommender);
        assertThat(profiles.deadlines).as("without one, the configured deadline")
                .singleElement().satisfies(left -> assertThat(left).isGreaterThan(caller));
    }

    @Test
    void aFailedProfilePageEndsThePopulationStreamUnavailable() {
        Models.awaitLoaded(registry);
        profiles.failNext(1_000, Status.UNAVAILABLE);
        StatusRuntimeException e = GrpcFailures.of(() -> {
            List<PopulationScore> scores = new ArrayList<>();
            recommender.scorePopulation(ScorePopulationRequest.newBuilder().setIndicationId(INDICATION).addPatientIds(PATIENT)
                    .build()).forEachRemaining(scores::add);
            return scores;
        });
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(e.getStatus().getDescription()).isEqualTo(PROFILE_FAILED);
        assertThat(profiles.calls).hasValue(3);
    }
}
