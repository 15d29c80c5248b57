package org.precisionrx.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.precisionrx.bench.load.RunResult;
import org.precisionrx.bench.proc.ProcessProbe.Usage;

class ReportTest {

    static ScenarioReport report() {
        Histogram latency = new Histogram(3);
        latency.recordValueWithCount(4_000, 98);
        latency.recordValueWithCount(60_000, 2);
        RunResult run = new RunResult(100, 101, 100, Map.of("HTTP 503", 1L),
                Map.of("HTTP 503", "{\"title\":\"Service unavailable\"}"), 1.0, latency, new Histogram(3));
        Map<String, Usage> processes = new LinkedHashMap<>();
        processes.put("gateway", new Usage(12.5, 281, 1));
        processes.put("profile", new Usage(0, 0, 0));
        return new ScenarioReport("patient-view", "CDS Hooks patient-view", List.of(Measurement.of("patient-view 100/s", run)),
                processes, List.of(Check.atMost("p99 at 100/s", run.latencyMillis(99), 50, "ms"),
                        Check.atLeast("throughput", 100, 100, "req/s")), List.of("a note"));
    }

    @Test
    void printsOneTableWithRunsProcessesAndTargets() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TablePrinter.print(report(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);

        assertThat(table).contains("== patient-view: CDS Hooks patient-view");
        assertThat(table).containsPattern("patient-view 100/s\\s+100\\.0\\s+1\\.0\\s+101\\s+1\\s+100\\.0\\s+4\\.00\\s+4\\.00\\s+60\\.0\\d");
        assertThat(table).contains("error HTTP 503: 1, e.g. {\"title\":\"Service unavailable\"}");
        assertThat(table).containsPattern("gateway\\s+12\\.50\\s+281");
        assertThat(table).containsPattern("profile\\s+-\\s+-");
        assertThat(table).containsPattern("MISS\\s+p99 at 100/s\\s+target <= 50 ms\\s+measured 60\\.\\d\\d ms");
        assertThat(table).containsPattern("PASS\\s+throughput\\s+target >= 100 req/s\\s+measured 100 req/s");
        assertThat(table).contains("note: a note");
    }

    @Test
    void writesTheSameNumbersAsJson(@TempDir Path dir) throws Exception {
        Instant started = Instant.parse("2026-11-26T01:30:00Z");
        Path file = JsonReport.write(dir.resolve("results"), started,
                new JsonReport.Run(started.toString(), Map.of("cores", 2), Map.of("quick", true), List.of(report())));

        assertThat(file.getFileName().toString()).isEqualTo("20261126T013000Z.json");
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        JsonNode scenario = json.path("scenarios").path(0);
        assertThat(scenario.path("name").asText()).isEqualTo("patient-view");
        assertThat(scenario.path("runs").path(0).path("p50Ms").asDouble()).isCloseTo(4.0, within(0.01));
        assertThat(scenario.path("runs").path(0).path("errors").path("HTTP 503").asLong()).isEqualTo(1);
        assertThat(scenario.path("processes").path("gateway").path("rssMb").asDouble()).isEqualTo(281);
        assertThat(scenario.path("checks").path(0).path("pass").asBoolean()).isFalse();
        assertThat(json.path("machine").path("cores").asInt()).isEqualTo(2);
    }
}
