package org.precisionrx.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What CI renders and checks: each overlay, and prod with the optional model-volume component. */
enum Overlay {
    DEV(false),
    PROD(true),
    PROD_WITH_MODEL_VOLUME(true);

    private static final Map<Overlay, String> RENDERED = new ConcurrentHashMap<>();

    private final boolean prod;

    Overlay(boolean prod) {
        this.prod = prod;
    }

    boolean isProd() {
        return prod;
    }

    /** The rendered YAML; kubectl runs once per overlay and test run. */
    String rendered() {
        return RENDERED.computeIfAbsent(this, overlay -> Kubectl.kustomize(overlay.directory()));
    }

    /** A fresh model of the rendered objects, safe to change (the broken fixtures do). */
    Manifest manifest() {
        return Manifest.of(StrictModel.get().parse(rendered()));
    }

    Path directory() {
        return switch (this) {
            case DEV -> K8sDirs.k8s().resolve("overlays/dev");
            case PROD -> K8sDirs.k8s().resolve("overlays/prod");
            case PROD_WITH_MODEL_VOLUME -> prodWithModelVolume();
        };
    }

    /** A component is only rendered inside an overlay: a throwaway one under target/ combines the two. */
    private static Path prodWithModelVolume() {
        Path dir = K8sDirs.k8s().resolve("target/kustomize/prod-with-model-volume");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kustomization.yaml"), """
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    resources:
                      - ../../../overlays/prod
                    components:
                      - ../../../components/recommender-model-volume
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
