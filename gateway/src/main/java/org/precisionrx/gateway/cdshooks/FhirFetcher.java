package org.precisionrx.gateway.cdshooks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.precisionrx.gateway.problem.ProblemException;

/**
 * Reads a patient's data from the EHR's FHIR server with the access token the EHR handed over,
 * when it did not prefetch: the Patient, active medication orders, conditions and observations.
 */
@ApplicationScoped
public class FhirFetcher {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json;

    public FhirFetcher(ObjectMapper json) {
        this.json = json;
    }

    /** The patient's resources; 412 when the server cannot be read, as the spec asks. */
    public List<JsonNode> fetch(String fhirServer, String accessToken, String patientFhirId) {
        String patient = URLEncoder.encode(patientFhirId, StandardCharsets.UTF_8);
        List<JsonNode> resources = new ArrayList<>();
        JsonNode patientResource = get(fhirServer + "/Patient/" + patient, accessToken);
        if (!"Patient".equals(HookCall.text(patientResource, "resourceType"))) {
            throw unreadable("the FHIR server did not return a Patient");
        }
        resources.add(patientResource);
        for (String search : List.of("MedicationRequest?status=active&patient=", "Condition?patient=",
                "Observation?_count=200&patient=", "AllergyIntolerance?patient=")) {
            JsonNode bundle = get(fhirServer + "/" + search + patient, accessToken);
            JsonNode entries = bundle.get("entry");
            if (entries != null && entries.isArray()) {
                entries.forEach(entry -> {
                    if (entry.hasNonNull("resource")) {
                        resources.add(entry.get("resource"));
                    }
                });
            }
        }
        return resources;
    }

    private JsonNode get(String url, String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/fhir+json")
                .header("Authorization", "Bearer " + accessToken).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw unreadable("the FHIR server answered " + response.statusCode());
            }
            if (response.body().length > MAX_BYTES) {
                throw unreadable("the FHIR server's answer is too large");
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw unreadable("the FHIR server could not be read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreadable("interrupted while reading the FHIR server");
        }
    }

    static ProblemException unreadable(String why) {
        return new ProblemException(412, "Precondition failed", why + "; send prefetch or a readable fhirServer");
    }
}
