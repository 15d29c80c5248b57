package org.precisionrx.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;

/** Startup, readiness and liveness probes; the suite's own services use Quarkus' /q/health endpoints. */
final class ProbeRules {

    static final String STARTED = "/q/health/started";
    static final String READY = "/q/health/ready";
    static final String LIVE = "/q/health/live";
    /** A slower node or a busy one must not turn a normal start into a restart loop. */
    static final int STARTUP_MARGIN = 3;

    private ProbeRules() {
    }

    static List<Rule> all() {
        return List.of(
                Rule.everywhere("startup-readiness-liveness-probes", PerContainer.main(ProbeRules::hasAllProbes),
                        m -> m.workload("postgres").container().setLivenessProbe(null)),
                Rule.everywhere("quarkus-health-endpoints", ProbeRules::quarkusHealthEndpoints,
                        m -> m.workload("gateway").container().getLivenessProbe().getHttpGet().setPath(READY)),
                Rule.everywhere("startup-probe-covers-measured-start", ProbeRules::startupCoversMeasuredStart,
                        m -> m.workload("recommender-service").container().getStartupProbe().setFailureThreshold(3)));
    }

    private static String hasAllProbes(Workload workload, Container c) {
        List<String> missing = new ArrayList<>();
        if (c.getStartupProbe() == null) {
            missing.add("startup");
        }
        if (c.getReadinessProbe() == null) {
            missing.add("readiness");
        }
        if (c.getLivenessProbe() == null) {
            missing.add("liveness");
        }
        return missing.isEmpty() ? null : "no " + String.join(", ", missing) + " probe";
    }

    private static List<String> quarkusHealthEndpoints(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            if (!w.isProjectService()) {
                continue;
            }
            Container c = w.container();
            check(violations, w, c, "startup", c.getStartupProbe(), STARTED, READY);
            check(violations, w, c, "readiness", c.getReadinessProbe(), READY);
            // Liveness never asks readiness: a dependency outage must not restart healthy pods.
            check(violations, w, c, "liveness", c.getLivenessProbe(), LIVE);
        }
        return violations;
    }

    private static void check(List<String> violations, Workload w, Container c, String kind, Probe probe, String... paths) {
        if (probe == null || probe.getHttpGet() == null) {
            violations.add(w + ": " + kind + " probe is not an HTTP GET on " + String.join(" or ", paths));
            return;
        }
        String path = probe.getHttpGet().getPath();
        if (!List.of(paths).contains(path)) {
            violations.add(w + ": " + kind + " probe asks " + path + ", expected " + String.join(" or ", paths));
        }
        if (!isContainerPort(c, probe.getHttpGet().getPort())) {
            violations.add(w + ": " + kind + " probe port " + probe.getHttpGet().getPort() + " is not the container's port");
        }
    }

    private static boolean isContainerPort(Container c, IntOrString port) {
        for (ContainerPort p : c.getPorts()) {
            if (port.getStrVal() != null ? port.getStrVal().equals(p.getName()) : port.getIntVal().equals(p.getContainerPort())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The startup probe must allow STARTUP_MARGIN times the measured start. The recommender's
     * start is its model loading: its startup probe has to wait for readiness.
     */
    private static List<String> startupCoversMeasuredStart(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            Optional<MeasuredFootprint> measured = MeasuredFootprint.of(w.name());
            if (measured.isEmpty()) {
                continue;
            }
            Probe startup = w.container().getStartupProbe();
            if (startup == null || startup.getHttpGet() == null) {
                violations.add(w + ": no HTTP startup probe");
                continue;
            }
            boolean waitsForReady = READY.equals(startup.getHttpGet().getPath());
            if (measured.get().loadsModelsAfterStart() && !waitsForReady) {
                violations.add(w + ": loads its models after HTTP is up, so the startup probe must ask " + READY);
            }
            double seconds = waitsForReady ? measured.get().secondsToReady() : measured.get().secondsToStarted();
            int budget = budgetSeconds(startup);
            if (budget < STARTUP_MARGIN * seconds) {
                violations.add(w + ": startup probe allows " + budget + " s, under " + STARTUP_MARGIN + " x the measured " + seconds + " s");
            }
        }
        return violations;
    }

    static int budgetSeconds(Probe probe) {
        int initialDelay = probe.getInitialDelaySeconds() == null ? 0 : probe.getInitialDelaySeconds();
        int period = probe.getPeriodSeconds() == null ? 10 : probe.getPeriodSeconds();
        int failures = probe.getFailureThreshold() == null ? 3 : probe.getFailureThreshold();
        return initialDelay + period * failures;
    }
}
