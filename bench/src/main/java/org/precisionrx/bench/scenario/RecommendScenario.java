package org.precisionrx.bench.scenario;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.precisionrx.bench.grpc.GrpcTargets;
import org.precisionrx.bench.grpc.LoadedPatient;
import org.precisionrx.bench.load.RunResult;
import org.precisionrx.bench.report.Check;
import org.precisionrx.bench.report.Measurement;
import org.precisionrx.bench.report.ScenarioReport;
import org.precisionrx.bench.scenario.BenchContext.Measured;
import org.precisionrx.recommender.v1.RecommendRequest;
import org.precisionrx.recommender.v1.RecommendResponse;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc;

/** {@code Recommend} over gRPC straight to recommender-service, each patient for their indication, at 200 req/s. */
public final class RecommendScenario implements Scenario {

    static final double RATE = 200;
    static final double P99_TARGET_MS = 10;
    static final Duration DEADLINE = Duration.ofSeconds(10);

    @Override
    public List<ScenarioReport> run(BenchContext context) {
        List<LoadedPatient> patients = context.patients();
        LoadedPatient first = patients.get(0);
        RecommendResponse sample = RecommenderServiceGrpc.newBlockingStub(context.recommenderChannel())
                .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .recommend(RecommendRequest.newBuilder().setPatientId(first.patientId()).setIndicationId(first.indication())
                        .setMaxOptions(3).setIncludeExplanations(true).build());
        Duration duration = context.options().duration();
        context.out().println("Recommend (gRPC) at " + (int) RATE + " req/s");
        Measured<RunResult> run = context.load(RATE, duration,
                length -> GrpcTargets.recommend(context.recommenderChannel(), patients, DEADLINE));
        RunResult r = run.value();
        return List.of(new ScenarioReport("recommend", "gRPC Recommend straight to recommender-service (max 3 options, with "
                + "explanations), fixed " + (int) RATE + " req/s, " + duration.toSeconds() + " s, " + patients.size() + " patients in turn",
                List.of(Measurement.of("Recommend " + (int) RATE + "/s", r)), run.processes(),
                List.of(Check.atMost("p99 at 200/s", r.latencyMillis(99), P99_TARGET_MS, "ms"),
                        Check.atMost("errors at 200/s", r.errorCount(), 0, "")),
                BenchContext.notes("a sample call ranked " + sample.getOptionsCount() + " options for " + first.indication())));
    }
}
