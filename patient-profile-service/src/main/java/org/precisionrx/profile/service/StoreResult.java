package org.precisionrx.profile.service;

import java.util.UUID;

public record StoreResult(UUID patientId, Outcome outcome, long version) {
}
