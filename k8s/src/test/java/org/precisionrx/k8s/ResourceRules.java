package org.precisionrx.k8s;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;

/** CPU and memory requests and limits, memory sized from the measured footprint, bounded emptyDirs. */
final class ResourceRules {

    /** Limit over measured peak RSS: GC timing, larger requests and JIT growth beyond the measured load. */
    static final double MEMORY_HEADROOM = 1.2;
    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024);

    private ResourceRules() {
    }

    static List<Rule> all() {
        return List.of(
                Rule.everywhere("cpu-and-memory-requests-and-limits", PerContainer.all(ResourceRules::requestsAndLimits),
                        m -> m.workload("dosage-service").container().getResources().setLimits(null)),
                Rule.everywhere("memory-limit-covers-measured-peak", ResourceRules::memoryCoversMeasuredPeak,
                        m -> setMemory(m.workload("recommender-service").container(), "512Mi")),
                Rule.everywhere("emptydir-size-limits", ResourceRules::emptyDirSizeLimits,
                        m -> m.workload("gateway").pod().getVolumes().stream().filter(v -> v.getName().equals("tmp"))
                                .findFirst().orElseThrow().getEmptyDir().setSizeLimit(null)));
    }

    private static String requestsAndLimits(Workload workload, Container c) {
        ResourceRequirements resources = c.getResources();
        List<String> problems = new ArrayList<>();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = get(resources == null ? null : resources.getRequests(), resource);
            Quantity limit = get(resources == null ? null : resources.getLimits(), resource);
            if (request == null || limit == null) {
                problems.add(resource + (request == null ? " request" : "") + (request == null && limit == null ? " and" : "")
                        + (limit == null ? " limit" : "") + " missing");
            } else if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                problems.add(resource + " request above its limit");
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** JVMs hand memory back reluctantly: memory request equals limit, and the limit covers the measured peak. */
    private static List<String> memoryCoversMeasuredPeak(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            Optional<MeasuredFootprint> measured = MeasuredFootprint.of(w.name());
            if (measured.isEmpty()) {
                continue;
            }
            ResourceRequirements resources = w.container().getResources();
            Quantity limit = get(resources.getLimits(), "memory");
            Quantity request = get(resources.getRequests(), "memory");
            if (limit == null || request == null) {
                violations.add(w + ": no memory request or limit");
                continue;
            }
            long limitMib = mib(limit);
            long needed = Math.round(measured.get().peakRssMib() * MEMORY_HEADROOM);
            if (limitMib < needed) {
                violations.add(w + ": memory limit " + limitMib + " MiB is under " + MEMORY_HEADROOM + " x the measured peak RSS "
                        + measured.get().peakRssMib() + " MiB (" + needed + " MiB)");
            }
            if (mib(request) != limitMib) {
                violations.add(w + ": memory request " + request + " differs from its limit " + limit);
            }
        }
        return violations;
    }

    private static List<String> emptyDirSizeLimits(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            for (Volume v : w.pod().getVolumes()) {
                if (v.getEmptyDir() != null && v.getEmptyDir().getSizeLimit() == null) {
                    violations.add(w + ": emptyDir " + v.getName() + " has no sizeLimit (it could fill the node's disk)");
                }
            }
        }
        return violations;
    }

    static long mib(Quantity quantity) {
        return quantity.getNumericalAmount().divide(MIB, RoundingMode.HALF_UP).longValue();
    }

    private static Quantity get(Map<String, Quantity> quantities, String resource) {
        return quantities == null ? null : quantities.get(resource);
    }

    private static void setMemory(Container c, String amount) {
        c.getResources().getRequests().put("memory", new Quantity(amount));
        c.getResources().getLimits().put("memory", new Quantity(amount));
    }
}
