package org.precisionrx.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** k8s/README.md tells operators what to create and what was measured: it must match the manifests and the rules. */
class ReadmeTest {

    private static List<String> lines;

    @BeforeAll
    static void read() throws IOException {
        lines = Files.readAllLines(K8sDirs.k8s().resolve("README.md"));
    }

    @Test
    void everyOutOfBandObjectIsDocumentedWithTheCommandThatCreatesIt() {
        for (Reference external : ExternalObjects.PROD) {
            String command = switch (external.kind()) {
                case "Secret" -> "create secret";
                case "ConfigMap" -> "create configmap";
                default -> external.kind();
            };
            assertThat(lines).as("README documents %s", external)
                    .anySatisfy(line -> assertThat(line).contains(command).contains(external.name()));
        }
    }

    @Test
    void everyDocumentedOutOfBandObjectIsStillNeeded() {
        Set<String> referenced = new HashSet<>();
        for (Overlay overlay : List.of(Overlay.PROD, Overlay.PROD_WITH_MODEL_VOLUME)) {
            Reference.in(overlay.manifest()).forEach(r -> referenced.add(r.kind() + "/" + r.name()));
        }
        for (Reference external : ExternalObjects.PROD) {
            assertThat(referenced).as("%s is documented but no longer referenced", external).contains(external.kind() + "/" + external.name());
        }
    }

    /** The sizing table row of each service carries the measured numbers the rules size from. */
    @Test
    void theSizingTableShowsTheMeasuredNumbers() {
        for (MeasuredFootprint m : MeasuredFootprint.ALL) {
            assertThat(lines).as("README sizing row for %s", m.service()).anySatisfy(line -> assertThat(line)
                    .startsWith("| `" + m.service() + "`")
                    .contains(" " + m.idleRssMib() + " MiB", " " + m.peakRssMib() + " MiB")
                    .contains(m.secondsToStarted() + " s", m.secondsToReady() + " s"));
        }
    }
}
