package org.precisionrx.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the manifests and the repository are: set by Maven, else guessed from the working directory. */
final class K8sDirs {

    private K8sDirs() {
    }

    static Path k8s() {
        String configured = System.getProperty("prx.k8s.dir");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("overlays")) ? here : here.resolve("k8s");
    }

    static Path repository() {
        String configured = System.getProperty("prx.repo.dir");
        return configured != null ? Path.of(configured).toAbsolutePath().normalize() : k8s().getParent();
    }
}
