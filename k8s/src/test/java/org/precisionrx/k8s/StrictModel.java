package org.precisionrx.k8s;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * A strict schema check against the fabric8 Kubernetes model: every document must be a known
 * apiVersion/kind, every field a field of the model (fabric8 keeps unknown ones in
 * {@code additionalProperties}, which {@link UnknownFields} reports), and every value of the
 * model's type, without Jackson's lenient coercions ("3" for 3, 8080 for "8080"): the API server
 * rejects those too.
 */
final class StrictModel {

    private static final StrictModel INSTANCE = new StrictModel();

    private final ObjectMapper mapper;

    private StrictModel() {
        JsonMapper strict = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        for (LogicalType scalar : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            strict.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, scalar == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, scalar == LogicalType.Integer ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, scalar == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, scalar == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        // Registers fabric8's modules and the apiVersion/kind -> class resolution on this mapper.
        new KubernetesSerialization(strict, true);
        // fabric8's Go-compatible Integer reader parses the text of any token ("8104" too); registered
        // later, this one takes precedence and wants a YAML integer.
        strict.registerModule(new SimpleModule("strict-integers").addDeserializer(Integer.class, new StrictInteger()));
        this.mapper = strict;
    }

    static StrictModel get() {
        return INSTANCE;
    }

    /** Every document of a multi-document YAML stream, or an {@link AssertionError} listing every problem. */
    List<HasMetadata> parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (Object document : loadAll(yaml, problems)) {
            index++;
            if (document == null) {
                continue;
            }
            String where = "document " + index + " (" + describe(document) + ")";
            if (!(document instanceof Map)) {
                problems.add(where + ": not a mapping");
                continue;
            }
            try {
                KubernetesResource resource = mapper.convertValue(document, KubernetesResource.class);
                if (resource instanceof GenericKubernetesResource) {
                    problems.add(where + ": unknown apiVersion/kind for the Kubernetes model");
                } else if (!(resource instanceof HasMetadata object)) {
                    problems.add(where + ": not a Kubernetes object");
                } else {
                    UnknownFields.in(object).forEach(problem -> problems.add(where + ": " + problem));
                    objects.add(object);
                }
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + pathOf(e) + firstLine(e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("schema check failed:\n  " + String.join("\n  ", problems));
        }
        return objects;
    }

    private static final class StrictInteger extends StdDeserializer<Integer> {

        StrictInteger() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                return (Integer) context.handleUnexpectedToken(Integer.class, parser);
            }
            return parser.getIntValue();
        }
    }

    private static Iterable<Object> loadAll(String yaml, List<String> problems) {
        // YAML 1.2 core schema (no "yes" booleans) and duplicate keys refused, as the API server does.
        Load load = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build());
        List<Object> documents = new ArrayList<>();
        try {
            load.loadAllFromString(yaml).forEach(documents::add);
        } catch (RuntimeException e) {
            problems.add("YAML: " + firstLine(e.getMessage()));
        }
        return documents;
    }

    /** Where in the document Jackson gave up, as "spec.ports[0].port: ". */
    private static String pathOf(IllegalArgumentException e) {
        if (!(e.getCause() instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : mapping.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path + ": ";
    }

    private static String describe(Object document) {
        if (document instanceof Map<?, ?> map) {
            Object metadata = map.get("metadata");
            Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
            return map.get("kind") + "/" + name;
        }
        return String.valueOf(document);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
