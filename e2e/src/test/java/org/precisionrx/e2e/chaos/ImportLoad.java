package org.precisionrx.e2e.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.precisionrx.e2e.support.DemoPatients.DemoPatient;
import org.precisionrx.e2e.support.Reply;
import org.precisionrx.e2e.support.RunningSystem;

/**
 * A write load of FHIR imports through the gateway, one new patient per request, from a few
 * workers in closed loops. Each attempt is kept with what the API answered, so that afterwards
 * the database can be held to it.
 */
final class ImportLoad implements AutoCloseable {

    static final String SOURCE = "https://ehr.chaos.precisionrx.example/fhir";

    /** One import and its answer: acknowledged (200, patient created), or failed as the status says. */
    record Attempt(DemoPatient patient, Instant at, Duration took, int status, String outcome, String retryAfter,
            String contentType, String summary) {

        boolean acknowledged() {
            return status == 200 && "IMPORT_OUTCOME_CREATED".equals(outcome);
        }

        /** Failed the way a client can act on: a 503 problem with Retry-After. */
        boolean retryableFailure() {
            return status == 503 && retryAfter != null && contentType != null
                    && contentType.startsWith("application/problem+json");
        }
    }

    private final RunningSystem system;
    private final String token;
    private final Queue<DemoPatient> waiting;
    private final Duration pauseBetween;
    private final ExecutorService workers;
    private final List<Attempt> attempts = new ArrayList<>();
    private volatile boolean stopping;

    private ImportLoad(RunningSystem system, String token, List<DemoPatient> patients, int workerCount, Duration pauseBetween) {
        this.system = system;
        this.token = token;
        this.waiting = new ConcurrentLinkedQueue<>(patients);
        this.pauseBetween = pauseBetween;
        this.workers = Executors.newFixedThreadPool(workerCount);
    }

    /** Starts importing {@code patients} with {@code token} (the EHR system's or an admin's), in order. */
    static ImportLoad start(RunningSystem system, String token, List<DemoPatient> patients, int workerCount,
            Duration pauseBetween) {
        ImportLoad load = new ImportLoad(system, token, patients, workerCount, pauseBetween);
        for (int i = 0; i < workerCount; i++) {
            load.workers.execute(load::work);
        }
        return load;
    }

    private void work() {
        DemoPatient patient;
        while (!stopping && (patient = waiting.poll()) != null) {
            record(send(system, token, patient));
            Timing.pause(pauseBetween);
        }
    }

    /** Imports one patient as the EHR system would, and says what came back. */
    static Attempt send(RunningSystem system, String token, DemoPatient patient) {
        Instant at = Instant.now();
        try {
            Reply reply = system.gateway().post("/api/v1/imports/fhir?sourceSystem=" + SOURCE)
                    .bearer(token).body("application/fhir+json", patient.bundle()).send();
            String outcome = reply.status() == 200 ? outcomeOf(reply.json()) : null;
            return new Attempt(patient, at, Duration.between(at, Instant.now()), reply.status(), outcome,
                    reply.header("Retry-After"), reply.contentType(), reply.toString());
        } catch (RuntimeException e) {
            return new Attempt(patient, at, Duration.between(at, Instant.now()), -1, null, null, null, e.toString());
        }
    }

    private static String outcomeOf(JsonNode report) {
        return report.path("patients").path(0).path("outcome").asText();
    }

    private synchronized void record(Attempt attempt) {
        attempts.add(attempt);
    }

    synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Lets the workers finish the import they are in, then stops. */
    @Override
    public void close() {
        stopping = true;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(120, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
