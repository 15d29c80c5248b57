package org.precisionrx.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.Container;

/** Turns a check of one container (null when fine, else what is wrong) into a rule's check. */
final class PerContainer {

    private PerContainer() {
    }

    /** Every container, init containers included. */
    static Function<Manifest, List<String>> all(BiFunction<Workload, Container, String> check) {
        return manifest -> collect(manifest, check, true);
    }

    /** The long-running containers only. */
    static Function<Manifest, List<String>> main(BiFunction<Workload, Container, String> check) {
        return manifest -> collect(manifest, check, false);
    }

    private static List<String> collect(Manifest manifest, BiFunction<Workload, Container, String> check, boolean withInit) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifest.workloads()) {
            for (Container container : withInit ? workload.allContainers() : workload.containers()) {
                String problem = check.apply(workload, container);
                if (problem != null) {
                    violations.add(workload + " container " + container.getName() + ": " + problem);
                }
            }
        }
        return violations;
    }
}
