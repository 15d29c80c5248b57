package org.precisionrx.gateway.cdshooks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.Status;
import org.precisionrx.gateway.access.AccessGrant;
import org.precisionrx.gateway.cdshooks.auth.EhrCaller;
import org.precisionrx.gateway.downstream.DownstreamRejectedException;
import org.precisionrx.gateway.downstream.ProfileClient;
import org.precisionrx.gateway.problem.ProblemException;
import org.precisionrx.profile.v1.FhirPayloadFormat;
import org.precisionrx.profile.v1.ImportOutcome;
import org.precisionrx.profile.v1.ImportReport;
import org.precisionrx.profile.v1.PatientImportResult;
import org.precisionrx.profile.v1.PatientProfile;

/**
 * Maps the hook's FHIR patient id to the internal patient. Data the EHR sends (prefetch) or lets
 * us read (fhirServer + fhirAuthorization) is imported first, so the answer uses the freshest
 * data; otherwise the stored profile is used. The lookup key is always one of the EHR tenant's
 * own FHIR servers, so an EHR can only reach patients it is the source of.
 */
@ApplicationScoped
public class HookPatients {

    /**
     * The internal patient and where its data came from. {@code profile} is the stored profile when resolving it
     * already fetched the whole profile (stored data), so the cards need not fetch it again; null otherwise.
     * Nothing in it may be used before the access decision for {@code patientId} is made.
     */
    public record Resolved(String patientId, String source, PatientProfile profile) {
    }

    private final ProfileClient profiles;
    private final FhirFetcher fetcher;
    private final ObjectMapper json;

    public HookPatients(ProfileClient profiles, FhirFetcher fetcher, ObjectMapper json) {
        this.profiles = profiles;
        this.fetcher = fetcher;
        this.json = json;
    }

    public Resolved resolve(HookCall call, EhrCaller ehr, AccessGrant grant) {
        String system = dataSource(call, ehr);
        String fhirId = call.patientFhirId();
        if (call.hasPatientPrefetch()) {
            JsonNode patient = call.prefetch().get("patient");
            if (!fhirId.equals(HookCall.text(patient, "id"))) {
                throw ProblemException.badRequest("prefetch.patient.id", "must be the context's patientId");
            }
            return new Resolved(importBundle(grant, system, fhirId, prefetched(call)), "prefetch", null);
        }
        if (call.fhirAccessToken() != null) {
            return new Resolved(importBundle(grant, system, fhirId, fetcher.fetch(system, call.fhirAccessToken(), fhirId)),
                    "fhir-server", null);
        }
        try {
            PatientProfile stored = profiles.profileByFhirId(grant, system, fhirId);
            return new Resolved(stored.getPatientId(), "stored", stored);
        } catch (DownstreamRejectedException e) {
            if (e.code() == Status.Code.NOT_FOUND) {
                throw new ProblemException(412, "Precondition failed",
                        "no data for this patient: send prefetch or fhirServer with fhirAuthorization");
            }
            throw e;
        }
    }

    private static String dataSource(HookCall call, EhrCaller ehr) {
        if (call.fhirServer() != null) {
            if (!ehr.fhirServers().contains(call.fhirServer())) {
                throw ProblemException.forbidden("fhirServer is not a data source of this EHR's tenant");
            }
            return call.fhirServer();
        }
        if (ehr.fhirServers().isEmpty()) {
            throw ProblemException.forbidden("this EHR has no configured FHIR server to identify patients by");
        }
        return ehr.fhirServers().get(0);
    }

    /** The resources in the prefetch: each Bundle entry's resource, or the value itself (package-private for HookCallFuzzTest). */
    static List<JsonNode> prefetched(HookCall call) {
        List<JsonNode> resources = new ArrayList<>();
        call.prefetchEntries().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (value == null || value.isNull()) {
                return;
            }
            if ("Bundle".equals(HookCall.text(value, "resourceType"))) {
                JsonNode entries = value.get("entry");
                if (entries != null && entries.isArray()) {
                    entries.forEach(e -> {
                        if (e.hasNonNull("resource")) {
                            resources.add(e.get("resource"));
                        }
                    });
                }
            } else if (value.has("resourceType")) {
                resources.add(value);
            }
        });
        return resources;
    }

    private String importBundle(AccessGrant grant, String system, String fhirId, List<JsonNode> resources) {
        ObjectNode bundle = json.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        for (JsonNode resource : resources) {
            String type = HookCall.text(resource, "resourceType");
            String id = HookCall.text(resource, "id");
            ObjectNode entry = entries.addObject();
            if (type != null && id != null) {
                entry.put("fullUrl", system + "/" + type + "/" + id);
            }
            entry.set("resource", resource);
        }
        ImportReport report = profiles.importFhir(grant, bundle.toString().getBytes(StandardCharsets.UTF_8),
                FhirPayloadFormat.FHIR_PAYLOAD_FORMAT_BUNDLE, system);
        return report.getPatientsList().stream()
                .filter(result -> result.getSourceRef().endsWith("Patient/" + fhirId))
                .filter(result -> result.getOutcome() != ImportOutcome.IMPORT_OUTCOME_FAILED)
                .map(PatientImportResult::getPatientId)
                .findFirst()
                .orElseThrow(() -> new ProblemException(412, "Precondition failed",
                        "the patient's data could not be read: " + problems(report)));
    }

    private static String problems(ImportReport report) {
        return report.getPatientsList().stream().flatMap(p -> p.getProblemsList().stream())
                .map(p -> p.getField() + " " + p.getReason()).limit(3).reduce((a, b) -> a + "; " + b)
                .orElse("no Patient resource");
    }
}
