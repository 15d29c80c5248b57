package org.precisionrx.profile.grpc;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.precisionrx.common.v1.PageRequest;
import org.precisionrx.grpc.Unary;
import org.precisionrx.profile.fhir.PayloadFormat;
import org.precisionrx.profile.ingest.ExternalId;
import org.precisionrx.profile.mapping.ProfileMapper;
import org.precisionrx.profile.mapping.ReportMapper;
import org.precisionrx.profile.mapping.UpsertMapper;
import org.precisionrx.profile.service.ImportService;
import org.precisionrx.profile.service.ProfileService;
import org.precisionrx.profile.service.StoreResult;
import org.precisionrx.profile.v1.DeletePatientRequest;
import org.precisionrx.profile.v1.DeletePatientResponse;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.GetProfilesRequest;
import org.precisionrx.profile.v1.GetProfilesResponse;
import org.precisionrx.profile.v1.ImportFhirRequest;
import org.precisionrx.profile.v1.ImportOutcome;
import org.precisionrx.profile.v1.ImportPharmcatCallsRequest;
import org.precisionrx.profile.v1.ImportReport;
import org.precisionrx.profile.v1.ListPatientsRequest;
import org.precisionrx.profile.v1.ListPatientsResponse;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc;
import org.precisionrx.profile.v1.PatientSummary;
import org.precisionrx.profile.v1.UpsertProfileRequest;
import org.precisionrx.profile.v1.UpsertProfileResponse;

/** The gRPC edge: checks request shape, delegates to the services, maps results and errors. */
@GrpcService
@Blocking
public class PatientProfileGrpcService extends PatientProfileServiceGrpc.PatientProfileServiceImplBase {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    private final ProfileService profiles;
    private final ImportService imports;
    private final ProfileMapper profileMapper;
    private final UpsertMapper upsertMapper;
    private final ReportMapper reportMapper;

    public PatientProfileGrpcService(ProfileService profiles, ImportService imports, ProfileMapper profileMapper,
            UpsertMapper upsertMapper, ReportMapper reportMapper) {
        this.profiles = profiles;
        this.imports = imports;
        this.profileMapper = profileMapper;
        this.upsertMapper = upsertMapper;
        this.reportMapper = reportMapper;
    }

    @Override
    public void getProfile(GetProfileRequest request, StreamObserver<PatientProfile> response) {
        respond(response, () -> {
            PatientKey key = request.getPatient();
            return profiles.read(patientId(key), identifier(key), profileMapper::toProfile);
        });
    }

    @Override
    public void upsertProfile(UpsertProfileRequest request, StreamObserver<UpsertProfileResponse> response) {
        respond(response, () -> {
            StoreResult stored = profiles.store(upsertMapper.toStoreRequest(request));
            PatientProfile profile = profiles.read(stored.patientId(), null, profileMapper::toProfile);
            return UpsertProfileResponse.newBuilder()
                    .setProfile(profile)
                    .setOutcome(ImportOutcome.valueOf("IMPORT_OUTCOME_" + stored.outcome().name()))
                    .build();
        });
    }

    @Override
    public void importFhir(ImportFhirRequest request, StreamObserver<ImportReport> response) {
        respond(response, () -> {
            if (request.getPayload().isEmpty()) {
                throw GrpcErrors.invalidArgument("payload", "payload is empty");
            }
            PayloadFormat format = switch (request.getFormat()) {
                case FHIR_PAYLOAD_FORMAT_BUNDLE -> PayloadFormat.BUNDLE;
                case FHIR_PAYLOAD_FORMAT_NDJSON -> PayloadFormat.NDJSON;
                case FHIR_PAYLOAD_FORMAT_UNSPECIFIED -> PayloadFormat.AUTO;
                default -> throw GrpcErrors.invalidArgument("format", "unknown payload format");
            };
            String system = request.getSourceSystem().isBlank() ? null : request.getSourceSystem().strip();
            return reportMapper.toReport(imports.importFhir(request.getPayload().toByteArray(), format, system));
        });
    }

    @Override
    public void importPharmcatCalls(ImportPharmcatCallsRequest request, StreamObserver<ImportReport> response) {
        respond(response, () -> reportMapper.toReport(imports.importPharmcat(
                patientId(request.getPatient()), identifier(request.getPatient()), request.getTsv())));
    }

    @Override
    public void listPatients(ListPatientsRequest request, StreamObserver<ListPatientsResponse> response) {
        respond(response, () -> {
            int size = pageSize(request.getPage());
            PageToken after = pageToken(request.getPage());
            // One extra row tells whether another page follows.
            List<Row> rows = profiles.page(after == null ? null : after.createdAt(),
                    after == null ? null : after.id(), size + 1,
                    p -> new Row(profileMapper.toSummary(p), new PageToken(p.createdAt, p.id)));
            ListPatientsResponse.Builder out = ListPatientsResponse.newBuilder();
            rows.stream().limit(size).forEach(row -> out.addPatients(row.summary()));
            if (rows.size() > size) {
                out.setNextPageToken(rows.get(size - 1).position().encode());
            }
            return out.build();
        });
    }

    @Override
    public void deletePatient(DeletePatientRequest request, StreamObserver<DeletePatientResponse> response) {
        respond(response, () -> {
            UUID id = parseId(request.getPatientId(), "patient_id");
            profiles.delete(id, request.hasExpectedVersion() ? request.getExpectedVersion() : null);
            return DeletePatientResponse.newBuilder().setPatientId(id.toString()).build();
        });
    }

    @Override
    public void getProfiles(GetProfilesRequest request, StreamObserver<GetProfilesResponse> response) {
        respond(response, () -> {
            ProfilesRequest checked = ProfilesRequest.of(request);
            GetProfilesResponse.Builder out = GetProfilesResponse.newBuilder();
            if (checked.listed()) {
                List<PatientProfile> found = profiles.readMany(checked.ids(), profileMapper::toProfile);
                out.addAllProfiles(found);
                Set<String> served = found.stream().map(PatientProfile::getPatientId).collect(Collectors.toSet());
                checked.ids().stream().map(UUID::toString).distinct().filter(id -> !served.contains(id))
                        .forEach(out::addNotFoundPatientIds);
                return out.build();
            }
            PageToken after = checked.after();
            int size = checked.pageSize();
            // One extra patient tells whether another page follows; it is read whole, which is cheaper
            // than a second query and keeps the statement count fixed.
            List<ProfileRow> rows = profiles.readPage(after == null ? null : after.createdAt(),
                    after == null ? null : after.id(), size + 1,
                    p -> new ProfileRow(profileMapper.toProfile(p), new PageToken(p.createdAt, p.id)));
            rows.stream().limit(size).forEach(row -> out.addProfiles(row.profile()));
            if (rows.size() > size) {
                out.setNextPageToken(rows.get(size - 1).position().encode());
            }
            return out.build();
        });
    }

    /** The page size asked for, or the default; INVALID_ARGUMENT beyond the maximum. */
    static int pageSize(PageRequest page) {
        int size = page.getPageSize();
        if (size < 0 || size > MAX_PAGE_SIZE) {
            throw GrpcErrors.invalidArgument("page.page_size", "must be between 0 and " + MAX_PAGE_SIZE);
        }
        return size == 0 ? DEFAULT_PAGE_SIZE : size;
    }

    /** The position after which the page starts, null for the first page. */
    static PageToken pageToken(PageRequest page) {
        return page.getPageToken().isEmpty() ? null : PageToken.decode(page.getPageToken());
    }

    private record Row(PatientSummary summary, PageToken position) {
    }

    private record ProfileRow(PatientProfile profile, PageToken position) {
    }

    private static UUID patientId(PatientKey key) {
        return switch (key.getKeyCase()) {
            case PATIENT_ID -> parseId(key.getPatientId(), "patient.patient_id");
            case IDENTIFIER -> null;
            case KEY_NOT_SET -> throw GrpcErrors.invalidArgument("patient", "a patient id or identifier is required");
        };
    }

    private static ExternalId identifier(PatientKey key) {
        if (key.getKeyCase() != PatientKey.KeyCase.IDENTIFIER) {
            return null;
        }
        var id = key.getIdentifier();
        ExternalId.Kind kind = switch (id.getKind()) {
            case IDENTIFIER_KIND_MRN -> ExternalId.Kind.MRN;
            case IDENTIFIER_KIND_FHIR_ID -> ExternalId.Kind.FHIR_ID;
            default -> throw GrpcErrors.invalidArgument("patient.identifier.kind", "must be MRN or FHIR_ID");
        };
        if (id.getSystem().isBlank() || id.getValue().isBlank()) {
            throw GrpcErrors.invalidArgument("patient.identifier", "system and value are required");
        }
        return new ExternalId(kind, id.getSystem().strip(), id.getValue().strip());
    }

    private static UUID parseId(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw GrpcErrors.invalidArgument(field, "not a patient id");
        }
    }

    private static <T> void respond(StreamObserver<T> response, Supplier<T> work) {
        Unary.respond(response, work, GrpcErrors::toStatus);
    }

}
