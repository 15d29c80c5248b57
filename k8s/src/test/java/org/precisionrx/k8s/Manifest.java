package org.precisionrx.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/** The objects of one rendered overlay, with the look-ups the rules need. Mutable, for the broken fixtures. */
final class Manifest {

    private final List<HasMetadata> objects;

    private Manifest(List<HasMetadata> objects) {
        this.objects = objects;
    }

    static Manifest of(List<HasMetadata> objects) {
        return new Manifest(new ArrayList<>(objects));
    }

    List<HasMetadata> objects() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    /** A generated ConfigMap by its name before kustomize's hash suffix. */
    ConfigMap configMap(String baseName) {
        return all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().matches(Pattern.quote(baseName) + "(-[a-z0-9]{10})?"))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + baseName));
    }

    /** Deployments and StatefulSets: everything that runs pods. */
    List<Workload> workloads() {
        return Stream.concat(
                all(Deployment.class).stream().map(Workload::of),
                all(StatefulSet.class).stream().map(Workload::of)).toList();
    }

    Workload workload(String name) {
        return workloads().stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no workload " + name));
    }

    void remove(Class<? extends HasMetadata> type, String name) {
        if (!objects.removeIf(o -> type.isInstance(o) && o.getMetadata().getName().equals(name))) {
            throw new AssertionError("nothing to remove: " + type.getSimpleName() + " " + name);
        }
    }

    void add(HasMetadata object) {
        objects.add(object);
    }
}
