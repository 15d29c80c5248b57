package org.precisionrx.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The same numbers as the tables, as {@code <dir>/<UTC timestamp>.json}. */
public final class JsonReport {

    /** The whole run: when, on what machine, with which options, and each scenario. */
    public record Run(String startedAt, Map<String, Object> machine, Map<String, Object> options, List<ScenarioReport> scenarios) {
    }

    private static final DateTimeFormatter FILE_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static Path write(Path dir, Instant started, Run run) {
        Path file = dir.resolve(FILE_NAME.format(started) + ".json");
        try {
            Files.createDirectories(dir);
            JSON.writeValue(file.toFile(), run);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static String toJson(Run run) {
        try {
            return JSON.writeValueAsString(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
