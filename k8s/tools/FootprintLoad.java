import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.precisionrx.common.v1.Coding;
import org.precisionrx.common.v1.Date;
import org.precisionrx.common.v1.Quantity;
import org.precisionrx.profile.v1.Ancestry;
import org.precisionrx.profile.v1.Condition;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.ExternalIdentifier;
import org.precisionrx.profile.v1.GeneCall;
import org.precisionrx.profile.v1.GeneticsInput;
import org.precisionrx.profile.v1.History;
import org.precisionrx.profile.v1.IdentifierKind;
import org.precisionrx.profile.v1.LabResult;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc;
import org.precisionrx.profile.v1.SexAtBirth;
import org.precisionrx.profile.v1.UpsertProfileRequest;
import org.precisionrx.recommender.v1.RecommendRequest;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc;

/**
 * Load for the footprint measurement (measure-footprint.sh): stores patients in
 * patient-profile-service and asks recommender-service for ranked options with explanations, which
 * also drives dosage-service (doses for every option, the warfarin model for AF). Not a benchmark:
 * it only makes the services allocate what real traffic makes them allocate.
 *
 * <p>Run: java -cp 'recommender-service/target/quarkus-app/lib/main/*:recommender-service/target/quarkus-app/app/*'
 * k8s/tools/FootprintLoad.java PROFILE_PORT RECOMMENDER_PORT SECONDS THREADS
 */
public class FootprintLoad {

    private static final List<String> INDICATIONS = List.of("acs-pci", "af-stroke-prevention", "hyperlipidaemia", "depression");
    private static final List<String> CYP2C19 = List.of("*1/*1", "*1/*2", "*2/*2", "*1/*17");

    public static void main(String[] args) throws Exception {
        int profilePort = Integer.parseInt(args[0]);
        int recommenderPort = Integer.parseInt(args[1]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
        int threads = Integer.parseInt(args[3]);

        ManagedChannel profileChannel = ManagedChannelBuilder.forAddress("127.0.0.1", profilePort).usePlaintext().build();
        ManagedChannel recommenderChannel = ManagedChannelBuilder.forAddress("127.0.0.1", recommenderPort).usePlaintext().build();
        var profiles = PatientProfileServiceGrpc.newBlockingStub(profileChannel);
        var recommender = RecommenderServiceGrpc.newBlockingStub(recommenderChannel);

        Instant end = Instant.now().plus(duration);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                while (Instant.now().isBefore(end)) {
                    try {
                        String id = profiles.withDeadlineAfter(10, TimeUnit.SECONDS).upsertProfile(patient()).getProfile().getPatientId();
                        for (String indication : INDICATIONS) {
                            recommender.withDeadlineAfter(30, TimeUnit.SECONDS).recommend(RecommendRequest.newBuilder()
                                    .setPatientId(id).setIndicationId(indication).setIncludeExplanations(true).build());
                            calls.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        if (failures.incrementAndGet() <= 3) {
                            System.err.println("call failed: " + e);
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS);
        profileChannel.shutdownNow();
        recommenderChannel.shutdownNow();
        System.out.printf("recommend calls: %d, failures: %d%n", calls.get(), failures.get());
        if (calls.get() == 0) {
            System.exit(1);
        }
    }

    /** An adult with complete data for every indication's models, varied so the caches see many patients. */
    private static UpsertProfileRequest patient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return UpsertProfileRequest.newBuilder()
                .addIdentifiers(ExternalIdentifier.newBuilder().setKind(IdentifierKind.IDENTIFIER_KIND_MRN)
                        .setSystem("urn:precisionrx:footprint").setValue("MRN-" + UUID.randomUUID()))
                .setDemographics(Demographics.newBuilder()
                        .setBirthDate(Date.newBuilder().setYear(1940 + random.nextInt(50)).setMonth(1 + random.nextInt(12)).setDay(1 + random.nextInt(28)))
                        .setSexAtBirth(random.nextBoolean() ? SexAtBirth.SEX_AT_BIRTH_MALE : SexAtBirth.SEX_AT_BIRTH_FEMALE)
                        .setAncestry(Ancestry.ANCESTRY_WHITE)
                        .setWeightKg(55 + random.nextInt(50)).setHeightCm(150 + random.nextInt(40)))
                .setGenetics(GeneticsInput.newBuilder()
                        .addCalls(GeneCall.newBuilder().setGene("CYP2C19").setDiplotype(CYP2C19.get(random.nextInt(CYP2C19.size()))))
                        .addCalls(GeneCall.newBuilder().setGene("CYP2C9").setDiplotype("*1/*1"))
                        .addCalls(GeneCall.newBuilder().setGene("VKORC1").setDiplotype("G/A"))
                        .addCalls(GeneCall.newBuilder().setGene("SLCO1B1").setDiplotype("*1/*1"))
                        .addCalls(GeneCall.newBuilder().setGene("CYP2D6").setDiplotype("*1/*1")))
                .setHistory(History.newBuilder()
                        .addConditions(Condition.newBuilder().setActive(true)
                                .setCode(Coding.newBuilder().setSystem("http://snomed.info/sct").setCode("394659003")))
                        .addConditions(Condition.newBuilder().setActive(true)
                                .setCode(Coding.newBuilder().setSystem("http://snomed.info/sct").setCode("49436004")))
                        .addLabs(LabResult.newBuilder().setLoinc("2160-0")
                                .setQuantity(Quantity.newBuilder().setValue(0.8 + random.nextDouble()).setUnit("mg/dL"))))
                .build();
    }
}
