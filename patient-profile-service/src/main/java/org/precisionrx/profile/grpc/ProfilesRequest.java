package org.precisionrx.profile.grpc;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.precisionrx.common.v1.PageRequest;
import org.precisionrx.grpc.Statuses;
import org.precisionrx.grpc.Statuses.Violation;
import org.precisionrx.profile.v1.GetProfilesRequest;

/** A checked GetProfiles request: either listed patient ids or one keyset page of all patients. */
record ProfilesRequest(List<UUID> ids, PageToken after, int pageSize) {

    static final int MAX_IDS = PatientProfileGrpcService.MAX_PAGE_SIZE;

    boolean listed() {
        return !ids.isEmpty();
    }

    /** @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT naming every bad field */
    static ProfilesRequest of(GetProfilesRequest request) {
        if (request.getPatientIdsCount() > 0 && request.hasPage()) {
            throw Statuses.invalidArgument("page", "set patient_ids or page, not both");
        }
        if (request.getPatientIdsCount() > MAX_IDS) {
            throw Statuses.invalidArgument("patient_ids", "at most " + MAX_IDS + " ids per call");
        }
        List<UUID> ids = new ArrayList<>();
        List<Violation> bad = new ArrayList<>();
        for (int i = 0; i < request.getPatientIdsCount(); i++) {
            try {
                ids.add(UUID.fromString(request.getPatientIds(i)));
            } catch (IllegalArgumentException e) {
                bad.add(new Violation("patient_ids[" + i + "]", "not a patient id"));
            }
        }
        if (!bad.isEmpty()) {
            throw Statuses.invalidArgument(bad.get(0).field() + ": not a patient id", bad);
        }
        PageRequest page = request.getPage();
        return new ProfilesRequest(ids, PatientProfileGrpcService.pageToken(page), PatientProfileGrpcService.pageSize(page));
    }
}
