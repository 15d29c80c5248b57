package org.precisionrx.gateway.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where the web page shows a patient; CDS cards link here so the clinician lands on that patient. */
public final class PatientPageLinks {

    public static final String PATIENT_PAGE = "/app/patient.html";

    private PatientPageLinks() {
    }

    /**
     * @param publicBaseUrl the gateway's public URL, e.g. {@code https://rx.example.org}
     * @param patientId the internal patient id (the page still asks the API, which enforces and audits access)
     * @param indicationId the indication the page opens on
     */
    public static String patientPage(String publicBaseUrl, String patientId, String indicationId) {
        return publicBaseUrl.replaceAll("/+$", "") + PATIENT_PAGE + "?patient=" + encode(patientId) + "&indication="
                + encode(indicationId);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
