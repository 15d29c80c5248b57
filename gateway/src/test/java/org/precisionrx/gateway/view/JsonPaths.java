package org.precisionrx.gateway.view;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every field path of a JSON document, array indexes folded to [], e.g. "history.labs[].loinc". */
final class JsonPaths {

    private JsonPaths() {
    }

    static Set<String> of(String json) {
        try {
            Set<String> paths = new TreeSet<>();
            collect(new ObjectMapper().readTree(json), "", paths);
            return paths;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                collect(field.getValue(), path, paths);
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, prefix + "[]", paths));
        }
    }
}
