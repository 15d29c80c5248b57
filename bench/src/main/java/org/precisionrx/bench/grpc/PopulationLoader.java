package org.precisionrx.bench.grpc;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.precisionrx.devtools.EhrBundles;
import org.precisionrx.profile.v1.ExternalIdentifier;
import org.precisionrx.profile.v1.FhirPayloadFormat;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.IdentifierKind;
import org.precisionrx.profile.v1.ImportFhirRequest;
import org.precisionrx.profile.v1.ImportOutcome;
import org.precisionrx.profile.v1.ImportReport;
import org.precisionrx.profile.v1.PatientImportResult;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc;
import org.precisionrx.simulator.CohortRow;
import org.precisionrx.simulator.CohortSimulator;
import org.precisionrx.simulator.FhirExport;

/**
 * Loads N simulated patients straight into patient-profile-service, as an EHR's FHIR export would
 * arrive: one bundle per patient (the simulator's, with the EHR's FHIR ids), many ImportFhir calls
 * in flight at once. The same N patients every time (fixed seeds and date), so a repeated load
 * changes nothing. Patients listed in the state file that are still stored are not loaded again:
 * asking for more than last time loads only the rest.
 */
public final class PopulationLoader {

    static final String STATE_FILE = "bench-patients.tsv";
    /** Chunk seeds start here: their MRNs (SIM<seed>-<n>) never meet the demo patients' (seed 2026). */
    static final long BASE_SEED = 70_000;
    static final int CHUNK = 1_000;
    static final int IN_FLIGHT = 32;

    private final ManagedChannel profileChannel;
    private final Path stateDir;
    private final String fhirServer;
    private final PrintStream out;

    public PopulationLoader(ManagedChannel profileChannel, Path stateDir, String fhirServer, PrintStream out) {
        this.profileChannel = profileChannel;
        this.stateDir = stateDir;
        this.fhirServer = fhirServer;
        this.out = out;
    }

    public static String fhirId(int index) {
        return String.format(Locale.ROOT, "bench-patient-%06d", index + 1);
    }

    /** The first {@code count} bench patients, loading them unless they are all there already. */
    public List<LoadedPatient> ensure(int count) {
        List<LoadedPatient> known = read();
        int have = Math.min(known.size(), count);
        if (have == 0 || !stored(known.subList(0, have))) {
            have = 0;
        }
        if (have == count) {
            out.printf(Locale.ROOT, "  %d bench patients already loaded (%s)%n", count, stateDir.resolve(STATE_FILE));
            return known.subList(0, count);
        }
        long start = System.nanoTime();
        List<LoadedPatient> loaded = new ArrayList<>(known.subList(0, have));
        loaded.addAll(load(have, count));
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "  loaded %d patients in %.1f s (%.0f patients/s, %d ImportFhir calls in flight)%n",
                count - have, seconds, (count - have) / seconds, IN_FLIGHT);
        write(loaded);
        return List.copyOf(loaded);
    }

    /** The first and the last patient are still there, under the ids we noted (a wiped database fails this). */
    private boolean stored(List<LoadedPatient> patients) {
        var stub = PatientProfileServiceGrpc.newBlockingStub(profileChannel);
        for (LoadedPatient p : List.of(patients.get(0), patients.get(patients.size() - 1))) {
            try {
                String id = stub.withDeadlineAfter(10, TimeUnit.SECONDS).getProfile(GetProfileRequest.newBuilder()
                        .setPatient(PatientKey.newBuilder().setIdentifier(ExternalIdentifier.newBuilder()
                                .setKind(IdentifierKind.IDENTIFIER_KIND_FHIR_ID).setSystem(fhirServer).setValue(p.fhirId())))
                        .build()).getPatientId();
                if (!id.equals(p.patientId())) {
                    return false;
                }
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                    return false;
                }
                throw e;
            }
        }
        return true;
    }

    /** Patients {@code from} (inclusive) to {@code count} (exclusive). */
    private List<LoadedPatient> load(int from, int count) {
        var stub = PatientProfileServiceGrpc.newStub(profileChannel);
        FhirExport export = new FhirExport(FhirExport.DEFAULT_AS_OF);
        CohortSimulator simulator = new CohortSimulator();
        LoadedPatient[] loaded = new LoadedPatient[count - from];
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Semaphore permits = new Semaphore(IN_FLIGHT);
        out.printf(Locale.ROOT, "  loading %d simulated patients into patient-profile-service (ImportFhir, source %s)%n",
                count - from, fhirServer);
        for (int chunk = from / CHUNK; chunk * CHUNK < count && failures.isEmpty(); chunk++) {
            List<CohortRow> rows = simulator.demoPatients(Math.min(CHUNK, count - chunk * CHUNK), BASE_SEED + chunk, null);
            for (int j = Math.max(0, from - chunk * CHUNK); j < rows.size(); j++) {
                int index = chunk * CHUNK + j;
                CohortRow row = rows.get(j);
                String bundle = EhrBundles.withFhirId(export.json(row, index), fhirId(index));
                ImportFhirRequest request = ImportFhirRequest.newBuilder().setPayload(ByteString.copyFromUtf8(bundle))
                        .setFormat(FhirPayloadFormat.FHIR_PAYLOAD_FORMAT_BUNDLE).setSourceSystem(fhirServer).build();
                permits.acquireUninterruptibly();
                stub.withDeadlineAfter(60, TimeUnit.SECONDS).importFhir(request, new StreamObserver<>() {
                    @Override
                    public void onNext(ImportReport report) {
                        PatientImportResult result = report.getPatients(0);
                        if (result.getOutcome() == ImportOutcome.IMPORT_OUTCOME_FAILED || result.getPatientId().isEmpty()) {
                            failures.add(fhirId(index) + ": " + result.getProblemsList());
                        } else {
                            loaded[index - from] = new LoadedPatient(fhirId(index), result.getPatientId(), row.patient().indication().id);
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        failures.add(fhirId(index) + ": " + Status.fromThrowable(t));
                        permits.release();
                    }

                    @Override
                    public void onCompleted() {
                        permits.release();
                    }
                });
            }
            if ((chunk + 1) % 10 == 0) {
                out.printf(Locale.ROOT, "    %d%n", (chunk + 1) * CHUNK);
            }
        }
        permits.acquireUninterruptibly(IN_FLIGHT);
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " imports failed, e.g. " + failures.peek());
        }
        return List.of(loaded);
    }

    private List<LoadedPatient> read() {
        Path file = stateDir.resolve(STATE_FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<LoadedPatient> patients = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length == 3 && !f[0].equals("fhir_id")) {
                    patients.add(new LoadedPatient(f[0], f[1], f[2]));
                }
            }
            return patients;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void write(List<LoadedPatient> patients) {
        List<LoadedPatient> known = read();
        List<LoadedPatient> all = known.size() > patients.size() ? new ArrayList<>(known) : new ArrayList<>(patients);
        for (int i = 0; i < patients.size(); i++) {
            all.set(i, patients.get(i));
        }
        StringBuilder text = new StringBuilder("fhir_id\tpatient_id\tindication\n");
        all.forEach(p -> text.append(p.fhirId()).append('\t').append(p.patientId()).append('\t').append(p.indication()).append('\n'));
        try {
            Files.createDirectories(stateDir);
            Files.writeString(stateDir.resolve(STATE_FILE), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateDir.resolve(STATE_FILE), e);
        }
    }
}
