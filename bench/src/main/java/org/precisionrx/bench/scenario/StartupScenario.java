package org.precisionrx.bench.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.precisionrx.bench.proc.ProcStat;
import org.precisionrx.bench.proc.ProcessProbe;
import org.precisionrx.bench.proc.ProcessProbe.Usage;
import org.precisionrx.bench.report.Check;
import org.precisionrx.bench.report.ScenarioReport;

/**
 * Restarts each service once with {@code ./precisionrx restart} (the same launch as {@code up}) and
 * times it from the process's start (its /proc start time) until /q/health/ready answers 200, polled
 * every 10 ms; RSS and CPU seconds are the process's at that moment.
 */
public final class StartupScenario implements Scenario {

    static final double TARGET_SECONDS = 3;
    static final Map<String, Integer> PORTS = Map.of("profile", 8101, "dosage", 8102, "recommender", 8103, "gateway", 8104);
    static final List<String> ORDER = List.of("profile", "dosage", "recommender", "gateway");
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Override
    public List<ScenarioReport> run(BenchContext context) {
        ProcessProbe probe = context.probe();
        long bootMillis = probe.bootEpochSeconds() * 1000;
        Map<String, Usage> usage = new LinkedHashMap<>();
        List<Check> checks = new ArrayList<>();
        List<String> notes = BenchContext.notes("CPU s: what the process used from its start until ready; RSS: at ready");
        for (String service : ORDER) {
            restart(context.options().script(), service, context);
            ProcStat process = waitForProcess(probe, service);
            long readyMillis = waitReady(service);
            long startMillis = bootMillis + process.startTicks() * 1000 / ProcStat.TICKS_PER_SECOND;
            double seconds = (readyMillis - startMillis) / 1000.0;
            ProcStat atReady = ProcStat.read(Path.of("/proc"), process.pid()).orElse(process);
            usage.put(service, new Usage(atReady.cpuTicks() / (double) ProcStat.TICKS_PER_SECOND, atReady.rssKb() / 1024.0, 1));
            checks.add(Check.atMost(service + " start to ready", seconds, TARGET_SECONDS, "s"));
            context.out().printf(Locale.ROOT, "  %s: ready %.2f s after its process started%n", service, seconds);
        }
        notes.add("process start times have the kernel's 10 ms resolution");
        return List.of(new ScenarioReport("startup", "each service restarted once (./precisionrx restart, as up starts it): process "
                + "start to /q/health/ready", List.of(), usage, checks, notes));
    }

    private static void restart(Path script, String service, BenchContext context) {
        try {
            Process process = new ProcessBuilder(script.toString(), "restart", service).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("'" + script + " restart " + service + "' failed: " + output);
            }
            context.out().print(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The restarted service's JVM (launched by setsid env java: the session leader is the JVM). */
    private static ProcStat waitForProcess(ProcessProbe probe, String service) {
        Optional<ProcStat> process = Optional.empty();
        for (int i = 0; i < 100 && process.isEmpty(); i++) {
            process = probe.mainProcess(service);
            if (process.isEmpty()) {
                sleep(10);
            }
        }
        return process.orElseThrow(() -> new IllegalStateException(service + " did not start (./precisionrx logs " + service + ")"));
    }

    private long waitReady(String service) {
        URI ready = URI.create("http://127.0.0.1:" + PORTS.get(service) + "/q/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return System.currentTimeMillis();
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(10);
        }
        throw new IllegalStateException(service + " not ready after " + READY_TIMEOUT.toMinutes() + " min (./precisionrx logs " + service + ")");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
