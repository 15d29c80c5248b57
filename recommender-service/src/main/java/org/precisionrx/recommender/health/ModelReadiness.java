package org.precisionrx.recommender.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.precisionrx.recommender.model.ModelRegistry;

/** Not ready until a ranking model set has loaded and passed its self-check. */
@Readiness
@ApplicationScoped
public class ModelReadiness implements HealthCheck {

    private final ModelRegistry registry;

    public ModelReadiness(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("ranking-models");
        return registry.current()
                .map(set -> builder.up().withData("version", set.version()).withData("indications", String.join(",", set.indications())).build())
                .orElseGet(() -> builder.down().withData("reason", "models not loaded yet").build());
    }
}
