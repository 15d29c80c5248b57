package org.precisionrx.k8s;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The kubectl binary, for {@code kubectl kustomize}: rendering needs no cluster. */
final class Kubectl {

    static final String MISSING = "kubectl was not found on PATH (or at $KUBECTL). The k8s module's tests render every "
            + "overlay with `kubectl kustomize` (kubectl 1.27 or newer, kustomize v5 built in); install kubectl: "
            + "https://kubernetes.io/docs/tasks/tools/ (e.g. the kubectl package from pkgs.k8s.io), then run the build again.";

    private Kubectl() {
    }

    /** The rendered multi-document YAML of the kustomization in {@code dir}. */
    static String kustomize(Path dir) {
        Path kubectl = locate(System.getenv()).orElseThrow(() -> new AssertionError(MISSING));
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString()).start();
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String stdout = read(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n" + stderr.join());
            }
            return stdout;
        } catch (IOException e) {
            throw new AssertionError("could not run " + kubectl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + dir, e);
        }
    }

    /** $KUBECTL if set, else the first kubectl on $PATH. */
    static Optional<Path> locate(Map<String, String> environment) {
        String explicit = environment.get("KUBECTL");
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String path = environment.getOrDefault("PATH", "");
        return List.of(path.split(File.pathSeparator)).stream()
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
