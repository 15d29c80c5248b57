package org.precisionrx.bench.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * CPU and memory of the suite's processes, read from /proc. A component started by
 * {@code ./precisionrx} leads its own session (setsid), so its processes are those of that session
 * (Keycloak's kc.sh and the java it starts); PostgreSQL is every process named {@code postgres}.
 */
public final class ProcessProbe {

    public static final List<String> COMPONENTS = List.of("keycloak", "profile", "dosage", "recommender", "gateway", "postgres");

    /** CPU seconds used and resident memory of one component. */
    public record Usage(double cpuSeconds, double rssMb, int processes) {
    }

    /** Cumulative CPU ticks and RSS of each component at one moment. */
    public record Snapshot(Map<String, List<ProcStat>> processes) {

        /**
         * CPU used between {@code before} and this snapshot, and RSS now. A process first seen now
         * started meanwhile, so all its CPU counts; what processes that ended meanwhile used is lost.
         */
        public Map<String, Usage> since(Snapshot before) {
            Map<String, Usage> usage = new LinkedHashMap<>();
            processes.forEach((component, now) -> {
                Map<Integer, Long> earlier = new LinkedHashMap<>();
                before.processes.getOrDefault(component, List.of()).forEach(p -> earlier.put(p.pid(), p.cpuTicks()));
                long ticks = now.stream().mapToLong(p -> p.cpuTicks() - earlier.getOrDefault(p.pid(), 0L)).sum();
                long rssKb = now.stream().mapToLong(ProcStat::rssKb).sum();
                usage.put(component, new Usage((double) ticks / ProcStat.TICKS_PER_SECOND, rssKb / 1024.0, now.size()));
            });
            return usage;
        }
    }

    private final Path proc;
    private final Path runDir;

    /** @param runDir where ./precisionrx keeps its pid files ({@code <component>.pid}) */
    public ProcessProbe(Path proc, Path runDir) {
        this.proc = proc;
        this.runDir = runDir;
    }

    public Snapshot snapshot() {
        List<ProcStat> all = all();
        Map<String, List<ProcStat>> byComponent = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            List<ProcStat> members = new ArrayList<>();
            if (component.equals("postgres")) {
                all.stream().filter(p -> p.command().equals("postgres")).forEach(members::add);
            } else {
                OptionalInt leader = leader(component);
                if (leader.isPresent()) {
                    all.stream().filter(p -> p.session() == leader.getAsInt()).forEach(members::add);
                }
            }
            byComponent.put(component, members);
        }
        return new Snapshot(byComponent);
    }

    /** The pid ./precisionrx recorded for a component, if it has one. */
    public OptionalInt leader(String component) {
        Path file = runDir.resolve(component + ".pid");
        try {
            return Files.exists(file) ? OptionalInt.of(Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim()))
                    : OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The JVM of a component: the process of its session with the most memory (kc.sh's java, not the shell). */
    public Optional<ProcStat> mainProcess(String component) {
        OptionalInt leader = leader(component);
        if (leader.isEmpty()) {
            return Optional.empty();
        }
        return all().stream().filter(p -> p.session() == leader.getAsInt()).max(Comparator.comparingLong(ProcStat::rssKb));
    }

    private List<ProcStat> all() {
        try (Stream<Path> entries = Files.list(proc)) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(name -> ProcStat.read(proc, Integer.parseInt(name))).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + proc + " (the bench reads process numbers from Linux's /proc)", e);
        }
    }

    /** Seconds since the epoch at which the system booted (process start times count from it). */
    public long bootEpochSeconds() {
        try {
            for (String line : Files.readAllLines(proc.resolve("stat"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("btime ")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
            throw new IllegalStateException("no btime in " + proc.resolve("stat"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
