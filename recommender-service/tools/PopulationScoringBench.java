import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import org.precisionrx.common.v1.Coding;
import org.precisionrx.common.v1.Date;
import org.precisionrx.common.v1.Quantity;
import org.precisionrx.profile.v1.Ancestry;
import org.precisionrx.profile.v1.Condition;
import org.precisionrx.profile.v1.Consent;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.ExternalIdentifier;
import org.precisionrx.profile.v1.GeneCall;
import org.precisionrx.profile.v1.GeneticsInput;
import org.precisionrx.profile.v1.History;
import org.precisionrx.profile.v1.IdentifierKind;
import org.precisionrx.profile.v1.LabResult;
import org.precisionrx.profile.v1.Medication;
import org.precisionrx.profile.v1.MedicationStatus;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc;
import org.precisionrx.profile.v1.SexAtBirth;
import org.precisionrx.profile.v1.UpsertProfileRequest;
import org.precisionrx.profile.v1.UpsertProfileResponse;
import org.precisionrx.recommender.v1.PopulationScore;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc;
import org.precisionrx.recommender.v1.ScorePopulationRequest;

/**
 * ScorePopulation end to end (bench-population.sh): loads patients into patient-profile-service
 * through UpsertProfile, then streams ScorePopulation over every stored patient from
 * recommender-service and prints patients per second for each run.
 *
 * <p>Run: java -cp 'recommender-service/target/quarkus-app/lib/main/*:recommender-service/target/quarkus-app/app/*'
 * recommender-service/tools/PopulationScoringBench.java PROFILE_PORT RECOMMENDER_PORT PATIENTS_TO_LOAD RUNS [BATCH]
 */
public class PopulationScoringBench {

    private static final List<String> CYP2C19 = List.of("*1/*1", "*1/*2", "*2/*2", "*1/*17", "*17/*17", "*1/*3");
    private static final List<String> CYP2C9 = List.of("*1/*1", "*1/*2", "*1/*3", "*2/*3");
    private static final List<String> VKORC1 = List.of("G/G", "G/A", "A/A");
    private static final List<String> SLCO1B1 = List.of("*1/*1", "*1/*5", "*5/*5", "*1/*15");
    /** SNOMED codes of ACS, hypertension, diabetes, atrial fibrillation, hyperlipidaemia, depression. */
    private static final List<String> CONDITIONS = List.of("394659003", "38341003", "44054006", "49436004", "55822004", "35489007");
    private static final int IN_FLIGHT = 16;

    public static void main(String[] args) throws Exception {
        int profilePort = Integer.parseInt(args[0]);
        int recommenderPort = Integer.parseInt(args[1]);
        int load = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        ManagedChannel profileChannel = ManagedChannelBuilder.forAddress("127.0.0.1", profilePort).usePlaintext().build();
        ManagedChannel recommenderChannel = ManagedChannelBuilder.forAddress("127.0.0.1", recommenderPort).usePlaintext().build();
        try {
            if (load > 0) {
                load(PatientProfileServiceGrpc.newStub(profileChannel), load);
            }
            var recommender = RecommenderServiceGrpc.newBlockingStub(recommenderChannel);
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                int scored = 0;
                int errors = 0;
                var stream = recommender.withDeadlineAfter(30, TimeUnit.MINUTES).scorePopulation(ScorePopulationRequest.newBuilder()
                        .setIndicationId("acs-pci").setBatchSize(batch).build());
                while (stream.hasNext()) {
                    PopulationScore score = stream.next();
                    if (score.hasError()) {
                        errors++;
                    } else {
                        scored++;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("ScorePopulation run %d: %d patients (%d scored, %d error entries) in %.2f s = %.0f patients/s%n",
                        run, scored + errors, scored, errors, seconds, (scored + errors) / seconds);
            }
        } finally {
            profileChannel.shutdownNow();
            recommenderChannel.shutdownNow();
        }
    }

    /** Upserts {@code n} seeded patients, {@value #IN_FLIGHT} calls in flight. */
    private static void load(PatientProfileServiceGrpc.PatientProfileServiceStub profiles, int n) throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger failures = new AtomicInteger();
        SplittableRandom random = new SplittableRandom(20261126L);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            UpsertProfileRequest patient = patient(random, i);
            slots.acquire();
            profiles.withDeadlineAfter(60, TimeUnit.SECONDS).upsertProfile(patient, new StreamObserver<UpsertProfileResponse>() {
                @Override
                public void onNext(UpsertProfileResponse value) {
                }

                @Override
                public void onError(Throwable t) {
                    if (failures.incrementAndGet() <= 3) {
                        System.err.println("upsert failed: " + t);
                    }
                    finish();
                }

                @Override
                public void onCompleted() {
                    finish();
                }

                private void finish() {
                    slots.release();
                    done.countDown();
                }
            });
            if ((i + 1) % 10_000 == 0) {
                System.out.printf("loaded %d patients (%.0f/s)%n", i + 1, (i + 1) / ((System.nanoTime() - start) / 1e9));
            }
        }
        done.await();
        System.out.printf("UpsertProfile: %d patients in %s (%d failed)%n", n,
                Duration.ofNanos(System.nanoTime() - start).withNanos(0), failures.get());
    }

    /** An adult with six genes, two to four conditions, two medications and two labs; one in twenty opted out. */
    private static UpsertProfileRequest patient(SplittableRandom random, int index) {
        History.Builder history = History.newBuilder();
        int conditions = 2 + random.nextInt(3);
        for (int c = 0; c < conditions; c++) {
            history.addConditions(Condition.newBuilder().setActive(true).setSourceKey("c" + c)
                    .setCode(Coding.newBuilder().setSystem("http://snomed.info/sct").setCode(CONDITIONS.get((index + c) % CONDITIONS.size()))));
        }
        history.addMedications(Medication.newBuilder().setSourceKey("m0").setDisplay("aspirin 81 mg")
                        .setStatus(MedicationStatus.MEDICATION_STATUS_ACTIVE))
                .addMedications(Medication.newBuilder().setSourceKey("m1").setDisplay(random.nextInt(4) == 0 ? "omeprazole 20 mg" : "atorvastatin 40 mg")
                        .setStatus(MedicationStatus.MEDICATION_STATUS_ACTIVE))
                .addLabs(LabResult.newBuilder().setLoinc("2160-0").setSourceKey("l0")
                        .setQuantity(Quantity.newBuilder().setValue(0.6 + random.nextDouble() * 1.4).setUnit("mg/dL")))
                .addLabs(LabResult.newBuilder().setLoinc("2093-3").setSourceKey("l1")
                        .setQuantity(Quantity.newBuilder().setValue(140 + random.nextInt(120)).setUnit("mg/dL")));
        return UpsertProfileRequest.newBuilder()
                .addIdentifiers(ExternalIdentifier.newBuilder().setKind(IdentifierKind.IDENTIFIER_KIND_MRN)
                        .setSystem("urn:precisionrx:bench").setValue("MRN-" + UUID.randomUUID()))
                .setDemographics(Demographics.newBuilder()
                        .setBirthDate(Date.newBuilder().setYear(1935 + random.nextInt(65)).setMonth(1 + random.nextInt(12)).setDay(1 + random.nextInt(28)))
                        .setSexAtBirth(random.nextBoolean() ? SexAtBirth.SEX_AT_BIRTH_MALE : SexAtBirth.SEX_AT_BIRTH_FEMALE)
                        .setAncestry(Ancestry.forNumber(1 + random.nextInt(5)))
                        .setWeightKg(50 + random.nextInt(60)).setHeightCm(150 + random.nextInt(45)))
                .setGenetics(GeneticsInput.newBuilder()
                        .addCalls(GeneCall.newBuilder().setGene("CYP2C19").setDiplotype(pick(random, CYP2C19)))
                        .addCalls(GeneCall.newBuilder().setGene("CYP2C9").setDiplotype(pick(random, CYP2C9)))
                        .addCalls(GeneCall.newBuilder().setGene("VKORC1").setDiplotype(pick(random, VKORC1)))
                        .addCalls(GeneCall.newBuilder().setGene("SLCO1B1").setDiplotype(pick(random, SLCO1B1)))
                        .addCalls(GeneCall.newBuilder().setGene("CYP2D6").setDiplotype("*1/*1"))
                        .addCalls(GeneCall.newBuilder().setGene("CYP3A5").setDiplotype("*3/*3")))
                .setConsent(Consent.newBuilder().setModelRecommendationsOptOut(index % 20 == 0))
                .build();
    }

    private static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
