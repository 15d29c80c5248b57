package org.precisionrx.profile.grpc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Opaque keyset position for ListPatients: the (created_at, id) of the last patient served. */
record PageToken(Instant createdAt, UUID id) {

    static PageToken decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("/", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("malformed");
            }
            return new PageToken(Instant.ofEpochSecond(Long.parseLong(parts[0]), Integer.parseInt(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw GrpcErrors.invalidArgument("page.page_token", "not a token returned by ListPatients");
        }
    }

    String encode() {
        String raw = createdAt.getEpochSecond() + "/" + createdAt.getNano() + "/" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
