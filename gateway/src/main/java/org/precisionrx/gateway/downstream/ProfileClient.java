package org.precisionrx.gateway.downstream;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.protobuf.ByteString;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.faulttolerance.api.RetryWhen;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.precisionrx.common.v1.PageRequest;
import org.precisionrx.gateway.access.AccessGrant;
import org.precisionrx.profile.v1.ExternalIdentifier;
import org.precisionrx.profile.v1.FhirPayloadFormat;
import org.precisionrx.profile.v1.IdentifierKind;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.ImportFhirRequest;
import org.precisionrx.profile.v1.ImportPharmcatCallsRequest;
import org.precisionrx.profile.v1.ImportReport;
import org.precisionrx.profile.v1.ListPatientsRequest;
import org.precisionrx.profile.v1.ListPatientsResponse;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;

/**
 * patient-profile-service, called on a user's behalf behind a circuit breaker and a bulkhead. Reads (never writes)
 * are retried with jitter while the service is unreachable.
 */
@ApplicationScoped
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, failOn = DownstreamUnavailableException.class)
@Bulkhead(32)
public class ProfileClient {

    static final String SERVICE = "PatientProfileService";

    @GrpcClient("profile")
    PatientProfileServiceBlockingStub stub;

    private final OnBehalfCalls calls;
    private final DownstreamConfig deadlines;

    public ProfileClient(OnBehalfCalls calls, DownstreamConfig deadlines) {
        this.calls = calls;
        this.deadlines = deadlines;
    }

    @Retry(maxRetries = 2, delay = 50, jitter = 40, maxDuration = 2000)
    @RetryWhen(exception = RetryableDownstream.class)
    public PatientProfile profile(AccessGrant grant) {
        GetProfileRequest request = GetProfileRequest.newBuilder()
                .setPatient(PatientKey.newBuilder().setPatientId(grant.patientId())).build();
        return calls.call(grant, SERVICE, "GetProfile", stub, deadlines.profile(), s -> s.getProfile(request));
    }

    /** The profile of the patient this FHIR server knows as {@code fhirId}. */
    @Retry(maxRetries = 2, delay = 50, jitter = 40, maxDuration = 2000)
    @RetryWhen(exception = RetryableDownstream.class)
    public PatientProfile profileByFhirId(AccessGrant grant, String fhirServer, String fhirId) {
        GetProfileRequest request = GetProfileRequest.newBuilder()
                .setPatient(PatientKey.newBuilder().setIdentifier(ExternalIdentifier.newBuilder()
                        .setKind(IdentifierKind.IDENTIFIER_KIND_FHIR_ID).setSystem(fhirServer).setValue(fhirId)))
                .build();
        return calls.call(grant, SERVICE, "GetProfile", stub, deadlines.profile(), s -> s.getProfile(request));
    }

    @Retry(maxRetries = 2, delay = 50, jitter = 40, maxDuration = 2000)
    @RetryWhen(exception = RetryableDownstream.class)
    public ListPatientsResponse list(AccessGrant grant, int pageSize, String pageToken) {
        ListPatientsRequest request = ListPatientsRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(pageSize).setPageToken(pageToken)).build();
        return calls.call(grant, SERVICE, "ListPatients", stub, deadlines.profile(), s -> s.listPatients(request));
    }

    public ImportReport importFhir(AccessGrant grant, byte[] payload, FhirPayloadFormat format, String sourceSystem) {
        ImportFhirRequest request = ImportFhirRequest.newBuilder().setPayload(ByteString.copyFrom(payload))
                .setFormat(format).setSourceSystem(sourceSystem).build();
        return calls.call(grant, SERVICE, "ImportFhir", stub, deadlines.imports(), s -> s.importFhir(request));
    }

    public ImportReport importPharmcat(AccessGrant grant, String tsv) {
        ImportPharmcatCallsRequest request = ImportPharmcatCallsRequest.newBuilder()
                .setPatient(PatientKey.newBuilder().setPatientId(grant.patientId())).setTsv(tsv).build();
        return calls.call(grant, SERVICE, "ImportPharmcatCalls", stub, deadlines.imports(), s -> s.importPharmcatCalls(request));
    }
}
