package org.precisionrx.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The machine the numbers come from: CPU model, cores the JVM sees, memory, JVM. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", field(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryGiB", field(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> Math.round(Long.parseLong(kb.replace("kB", "").trim()) / 1024.0 / 1024.0 * 10) / 10.0).orElse(null));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return machine;
    }

    private static Optional<String> field(Path file, String name) {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII).stream().filter(l -> l.startsWith(name))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
