package org.precisionrx.profile.terminology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a JSON table shipped in this service's resources; a missing or broken table fails start-up. */
final class ResourceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResourceJson() {
    }

    static JsonNode read(String resource) {
        try (InputStream in = ResourceJson.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static JsonNode required(JsonNode node, String field, String resource) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException(resource + ": missing field '" + field + "'");
        }
        return value;
    }
}
