package org.precisionrx.bench.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.precisionrx.bench.report.Measurement;

/**
 * Runs wrk (closed loop: each connection waits for its answer before the next request, and latency
 * is measured from the actual send) against one REST endpoint, for its numbers beside ours.
 */
final class WrkCrossCheck {

    static final int THREADS = 2;
    static final int CONNECTIONS = 16;
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|90|99)%\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE);
    private static final Pattern MAX = Pattern.compile("^\\s*Latency\\s+\\S+\\s+\\S+\\s+([\\d.]+)(us|ms|s|m)", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("^\\s*(\\d+) requests in ([\\d.]+)(us|ms|s|m)", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

    private WrkCrossCheck() {
    }

    /** wrk on the PATH, if installed (./precisionrx bench installs it or says why it could not). */
    static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(":")).map(dir -> Path.of(dir, "wrk")).filter(Files::isExecutable).findFirst();
    }

    static Measurement run(Path wrk, URI uri, String bearer, String body, Duration duration) {
        try {
            Path script = Files.createTempFile("prx-bench-wrk", ".lua");
            try {
                Files.writeString(script, luaScript(bearer, body), StandardCharsets.UTF_8);
                Process process = new ProcessBuilder(wrk.toString(), "-t" + THREADS, "-c" + CONNECTIONS, "-d" + duration.toSeconds() + "s",
                        "--latency", "-s", script.toString(), uri.toString()).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("wrk failed: " + output);
                }
                return parse(output);
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run wrk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while wrk ran", e);
        }
    }

    /** A POST with the JSON body and bearer token; Lua long brackets need no escaping. */
    static String luaScript(String bearer, String body) {
        return "wrk.method = \"POST\"\n"
                + "wrk.body = [==[" + body + "]==]\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.headers[\"Accept\"] = \"application/json\"\n"
                + "wrk.headers[\"Authorization\"] = [==[Bearer " + bearer + "]==]\n";
    }

    /** wrk's --latency report as a row of the table (it offers no rate: it sends as fast as answers come). */
    static Measurement parse(String output) {
        Map<String, Double> percentiles = new LinkedHashMap<>();
        Matcher p = PERCENTILE.matcher(output);
        while (p.find()) {
            percentiles.put(p.group(1), millis(p.group(2), p.group(3)));
        }
        Matcher total = require(TOTAL, output);
        Matcher max = require(MAX, output);
        long requests = Long.parseLong(total.group(1));
        Map<String, Long> errors = new LinkedHashMap<>();
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors.put("HTTP non-2xx", Long.parseLong(non2xx.group(1)));
        }
        Matcher socket = SOCKET.matcher(output);
        if (socket.find()) {
            long count = 0;
            for (int g = 1; g <= 4; g++) {
                count += Long.parseLong(socket.group(g));
            }
            errors.put("socket errors", count);
        }
        long failed = errors.values().stream().mapToLong(Long::longValue).sum();
        return new Measurement("wrk closed loop " + CONNECTIONS + " conns", 0, millis(total.group(2), total.group(3)) / 1000,
                requests, requests - failed, errors, Map.of(), Double.parseDouble(require(RATE, output).group(1)),
                percentiles.getOrDefault("50", Double.NaN), percentiles.getOrDefault("90", Double.NaN),
                percentiles.getOrDefault("99", Double.NaN), Double.NaN, millis(max.group(1), max.group(2)), 0);
    }

    private static Matcher require(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output (no " + pattern + "): " + output);
        }
        return m;
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            default -> throw new IllegalArgumentException(unit);
        };
    }
}
