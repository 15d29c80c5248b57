package org.precisionrx.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/** A Deployment or StatefulSet seen through what the rules check: its pod template. Views, not copies. */
record Workload(HasMetadata object, PodTemplateSpec template, Integer replicas) {

    /** The suite's own services; every other workload (PostgreSQL, Keycloak in dev) is third party. */
    static final Set<String> SERVICES = Set.of("patient-profile-service", "dosage-service", "recommender-service", "gateway");
    /** Where the suite's images are published. */
    static final String PROJECT_REGISTRY = "ghcr.io/precisionrx/";

    static Workload of(Deployment deployment) {
        return new Workload(deployment, deployment.getSpec().getTemplate(), deployment.getSpec().getReplicas());
    }

    static Workload of(StatefulSet statefulSet) {
        return new Workload(statefulSet, statefulSet.getSpec().getTemplate(), statefulSet.getSpec().getReplicas());
    }

    String name() {
        return object.getMetadata().getName();
    }

    String kind() {
        return object.getKind();
    }

    @Override
    public String toString() {
        return kind() + "/" + name();
    }

    PodSpec pod() {
        return template.getSpec();
    }

    Map<String, String> podLabels() {
        Map<String, String> labels = template.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    /** The app.kubernetes.io/name label: how policies, budgets and selectors name a workload's pods. */
    String app() {
        return podLabels().get("app.kubernetes.io/name");
    }

    List<Container> containers() {
        return pod().getContainers();
    }

    /** The container named like the workload (every workload here has one main container). */
    Container container() {
        return containers().stream().filter(c -> c.getName().equals(name())).findFirst()
                .orElseThrow(() -> new AssertionError(this + " has no container " + name()));
    }

    List<Container> allContainers() {
        List<Container> all = new ArrayList<>(pod().getInitContainers());
        all.addAll(containers());
        return all;
    }

    boolean isProjectService() {
        return SERVICES.contains(name());
    }
}
