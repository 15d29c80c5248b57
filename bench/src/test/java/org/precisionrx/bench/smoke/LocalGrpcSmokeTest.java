package org.precisionrx.bench.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.precisionrx.bench.grpc.Channels;
import org.precisionrx.bench.grpc.GrpcTargets;
import org.precisionrx.bench.grpc.LoadedPatient;
import org.precisionrx.bench.grpc.PopulationLoader;
import org.precisionrx.bench.grpc.PopulationScoring;
import org.precisionrx.bench.load.OpenLoopGenerator;
import org.precisionrx.bench.load.RunResult;
import org.precisionrx.bench.load.Schedule;
import org.precisionrx.common.v1.ItemError;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.ImportFhirRequest;
import org.precisionrx.profile.v1.ImportOutcome;
import org.precisionrx.profile.v1.ImportReport;
import org.precisionrx.profile.v1.PatientImportResult;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc;
import org.precisionrx.recommender.v1.PopulationScore;
import org.precisionrx.recommender.v1.RecommendRequest;
import org.precisionrx.recommender.v1.RecommendResponse;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc;
import org.precisionrx.recommender.v1.ScorePopulationRequest;

/** The gRPC side of the bench against small local gRPC servers on real sockets (no suite needed). */
class LocalGrpcSmokeTest {

    static final int PORT = 18602;
    static final AtomicInteger IMPORTS = new AtomicInteger();
    static final Map<String, String> STORED = new ConcurrentHashMap<>();
    static final Pattern PATIENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"(bench-patient-\\d+)\"");
    static Server server;
    static ManagedChannel channel;

    /** Recommend fails for ids starting with "bad"; ScorePopulation streams 1,000 scores, every 100th an error. */
    static final class FakeRecommender extends RecommenderServiceGrpc.RecommenderServiceImplBase {
        @Override
        public void recommend(RecommendRequest request, StreamObserver<RecommendResponse> answer) {
            if (request.getPatientId().startsWith("bad")) {
                answer.onError(Status.INVALID_ARGUMENT.withDescription("patient_id: unknown").asRuntimeException());
                return;
            }
            answer.onNext(RecommendResponse.newBuilder().setPatientId(request.getPatientId()).build());
            answer.onCompleted();
        }

        @Override
        public void scorePopulation(ScorePopulationRequest request, StreamObserver<PopulationScore> answer) {
            for (int i = 0; i < 1_000; i++) {
                PopulationScore.Builder score = PopulationScore.newBuilder().setPatientId("p-" + i);
                if (i % 100 == 0) {
                    score.setError(ItemError.newBuilder().setCode("NOT_FOUND").setMessage("gone"));
                }
                answer.onNext(score.build());
            }
            answer.onCompleted();
        }
    }

    /** Stores each imported bundle's Patient under its FHIR id; finds it again by that id. */
    static final class FakeProfiles extends PatientProfileServiceGrpc.PatientProfileServiceImplBase {
        @Override
        public void importFhir(ImportFhirRequest request, StreamObserver<ImportReport> answer) {
            IMPORTS.incrementAndGet();
            Matcher m = PATIENT_ID.matcher(request.getPayload().toStringUtf8());
            if (!m.find() || request.getSourceSystem().isEmpty()) {
                answer.onError(Status.INVALID_ARGUMENT.withDescription("no Patient id or no source system").asRuntimeException());
                return;
            }
            String id = STORED.computeIfAbsent(m.group(1), fhirId -> "pid-" + fhirId);
            answer.onNext(ImportReport.newBuilder().setCreated(1).addPatients(PatientImportResult.newBuilder()
                    .setPatientId(id).setOutcome(ImportOutcome.IMPORT_OUTCOME_CREATED)).build());
            answer.onCompleted();
        }

        @Override
        public void getProfile(GetProfileRequest request, StreamObserver<PatientProfile> answer) {
            String id = STORED.get(request.getPatient().getIdentifier().getValue());
            if (id == null) {
                answer.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            answer.onNext(PatientProfile.newBuilder().setPatientId(id).build());
            answer.onCompleted();
        }
    }

    @BeforeAll
    static void start() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", PORT))
                .addService(new FakeRecommender()).addService(new FakeProfiles()).build().start();
        channel = Channels.plaintext("127.0.0.1", PORT);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        Channels.close(channel);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void recommendAtAFixedRateCountsStatusCodes() {
        List<LoadedPatient> patients = List.of(new LoadedPatient("f-1", "good-1", "acs-pci"), new LoadedPatient("f-2", "bad-2", "acs-pci"));

        RunResult result = new OpenLoopGenerator(1_000, Duration.ofSeconds(5))
                .run(new Schedule(200, Duration.ofSeconds(1)), GrpcTargets.recommend(channel, patients, Duration.ofSeconds(5)));

        assertThat(result.sent()).isEqualTo(200);
        assertThat(result.ok()).isEqualTo(100);
        assertThat(result.errors()).containsOnly(entry("gRPC INVALID_ARGUMENT", 100L));
        assertThat(result.errorSamples()).containsOnly(entry("gRPC INVALID_ARGUMENT", "patient_id: unknown"));
    }

    @Test
    void populationScoringCountsScoresAndItemErrors() {
        PopulationScoring.Result result = PopulationScoring.run(channel, "acs-pci", Duration.ofSeconds(10));

        assertThat(result.scored()).isEqualTo(990);
        assertThat(result.itemErrors()).containsOnly(entry("NOT_FOUND", 10L));
        assertThat(result.streamError()).isNull();
        assertThat(result.patientsPerSecond()).isPositive();
    }

    @Test
    void loadsSimulatedPatientsOnceAndOnlyWhatIsMissingAfterwards(@TempDir Path state) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        PopulationLoader loader = new PopulationLoader(channel, state, "https://ehr.test/fhir", quiet);

        List<LoadedPatient> first = loader.ensure(10);
        int importsAfterFirst = IMPORTS.get();
        List<LoadedPatient> again = loader.ensure(10);

        assertThat(first).hasSize(10).allSatisfy(p -> assertThat(p.patientId()).isEqualTo("pid-" + p.fhirId()));
        assertThat(first.get(0).fhirId()).isEqualTo(PopulationLoader.fhirId(0));
        assertThat(first.stream().map(LoadedPatient::indication).distinct().count()).isGreaterThan(1);
        assertThat(again).isEqualTo(first);
        assertThat(IMPORTS.get()).isEqualTo(importsAfterFirst);

        List<LoadedPatient> more = loader.ensure(16);
        assertThat(IMPORTS.get()).isEqualTo(importsAfterFirst + 6);
        assertThat(more).hasSize(16).startsWith(first.toArray(LoadedPatient[]::new));
        assertThat(more.get(15).fhirId()).isEqualTo(PopulationLoader.fhirId(15));

        STORED.remove(PopulationLoader.fhirId(15));
        loader.ensure(16);
        assertThat(IMPORTS.get()).isEqualTo(importsAfterFirst + 6 + 16);
    }
}
