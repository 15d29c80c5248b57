package org.precisionrx.dosage.kb;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Loads the knowledge base from classpath resources under a folder: {@code manifest.json} lists
 * the indications and the drug files; each drug file is checked against {@code drug.schema.json},
 * then the cross-references are checked. Every problem is collected and reported with its file
 * and JSON path, so that one start-up failure shows all of them.
 */
public final class KnowledgeBaseLoader {

    public static final String DEFAULT_FOLDER = "kb/";
    /** The schema is part of the code's contract, so it is always the service's own. */
    static final String SCHEMA = "kb/drug.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String folder;
    private final ClassLoader classLoader;

    public KnowledgeBaseLoader(String folder, ClassLoader classLoader) {
        this.folder = folder.endsWith("/") ? folder : folder + "/";
        this.classLoader = classLoader;
    }

    public static KnowledgeBase loadDefault() {
        return new KnowledgeBaseLoader(DEFAULT_FOLDER, KnowledgeBaseLoader.class.getClassLoader()).load();
    }

    public KnowledgeBase load() {
        List<String> problems = new ArrayList<>();
        JsonNode manifest = read("manifest.json");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(readResource(SCHEMA));
        Map<String, Indication> indications = indications(manifest, problems);
        Map<String, Drug> drugs = new LinkedHashMap<>();
        for (JsonNode file : manifest.path("drugFiles")) {
            String name = file.asText();
            JsonNode content = read(name);
            Set<ValidationMessage> errors = schema.validate(content);
            errors.forEach(e -> problems.add(folder + name + ": " + e.getMessage()));
            if (errors.isEmpty()) {
                parseDrugs(name, content, drugs, problems);
            }
        }
        KnowledgeBaseChecks.crossReferences(indications, drugs, problems);
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        return new KnowledgeBase(manifest.path("version").asText(), date(manifest.path("released").asText(), "manifest.json: released", problems),
                indications, drugs);
    }

    private Map<String, Indication> indications(JsonNode manifest, List<String> problems) {
        if (!manifest.hasNonNull("version") || manifest.path("version").asText().isBlank()) {
            problems.add(folder + "manifest.json: version is required");
        }
        Map<String, Indication> indications = new LinkedHashMap<>();
        for (JsonNode node : manifest.path("indications")) {
            List<String> drugIds = new ArrayList<>();
            node.path("drugs").forEach(d -> drugIds.add(d.asText()));
            Indication indication = new Indication(node.path("id").asText(), node.path("name").asText(), List.copyOf(drugIds));
            if (indications.put(indication.id(), indication) != null) {
                problems.add(folder + "manifest.json: indication " + indication.id() + " is listed twice");
            }
        }
        if (indications.isEmpty()) {
            problems.add(folder + "manifest.json: no indications");
        }
        return indications;
    }

    private void parseDrugs(String file, JsonNode content, Map<String, Drug> drugs, List<String> problems) {
        for (int i = 0; i < content.size(); i++) {
            String where = folder + file + ": $[" + i + "]";
            try {
                Drug drug = DrugParser.parse(content.get(i), path -> where + path, problems);
                if (drugs.put(drug.id(), drug) != null) {
                    problems.add(where + ": drug " + drug.id() + " is defined twice");
                }
            } catch (RuntimeException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
    }

    static LocalDate date(String text, String where, List<String> problems) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(where + ": '" + text + "' is not a date");
            return null;
        }
    }

    private JsonNode read(String name) {
        return readResource(folder + name);
    }

    private JsonNode readResource(String path) {
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                throw new KnowledgeBaseException(List.of(path + ": missing"));
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new KnowledgeBaseException(List.of(path + ": not valid JSON: " + e.getMessage()));
        }
    }

}
