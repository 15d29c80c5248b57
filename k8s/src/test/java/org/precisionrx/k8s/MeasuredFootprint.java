package org.precisionrx.k8s;

import java.util.List;
import java.util.Optional;

/**
 * What k8s/tools/measure-footprint.sh measured (k8s/README.md, "Sizing"): seconds from launch to
 * /q/health/started and /q/health/ready, and resident memory. The rules size probes and limits
 * from these; ReadmeTest keeps the README's table and these numbers the same.
 */
record MeasuredFootprint(String service, double secondsToStarted, double secondsToReady, int idleRssMib, int peakRssMib,
        boolean loadsModelsAfterStart) {

    static final List<MeasuredFootprint> ALL = List.of(
            new MeasuredFootprint("patient-profile-service", 14.3, 14.5, 182, 238, false),
            new MeasuredFootprint("dosage-service", 25.3, 25.6, 350, 374, false),
            new MeasuredFootprint("recommender-service", 9.6, 43.5, 630, 887, true),
            // Idle only: without Keycloak no authenticated request could be made (README).
            new MeasuredFootprint("gateway", 29.6, 29.8, 199, 199, false));

    static Optional<MeasuredFootprint> of(String service) {
        return ALL.stream().filter(m -> m.service.equals(service)).findFirst();
    }
}
