package org.precisionrx.k8s;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;

/** Images are pinned: a tag that is not "latest" (or a digest); the suite's own come from ghcr.io/precisionrx. */
final class ImageRules {

    private ImageRules() {
    }

    static List<Rule> all() {
        return List.of(
                Rule.everywhere("images-pinned", PerContainer.all((w, c) -> pinningProblem(c.getImage())),
                        m -> m.workload("keycloak").container().setImage("quay.io/keycloak/keycloak:latest")),
                Rule.everywhere("service-images-from-ghcr", ImageRules::serviceImages,
                        m -> m.workload("dosage-service").container().setImage("docker.io/someone/dosage-service:0.1.0")),
                Rule.prod("prod-images-are-releases", PerContainer.all((w, c) -> tag(c.getImage()).endsWith("-SNAPSHOT")
                                ? "runs a SNAPSHOT build " + c.getImage() : null),
                        m -> m.workload("gateway").container().setImage(Workload.PROJECT_REGISTRY + "gateway:0.1.0-SNAPSHOT")));
    }

    static String pinningProblem(String image) {
        if (image == null || image.isBlank()) {
            return "no image";
        }
        if (image.contains("@sha256:")) {
            return null;
        }
        String tag = tag(image);
        if (tag.isEmpty()) {
            return "image " + image + " has no tag (means latest)";
        }
        return tag.equals("latest") ? "image " + image + " uses the latest tag" : null;
    }

    /** The tag after the last ':' of the last path segment (a registry port is not a tag). */
    static String tag(String image) {
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        return colon < 0 ? "" : lastSegment.substring(colon + 1);
    }

    /** Each of the suite's Deployments runs ghcr.io/precisionrx/<its name>, the image the build publishes. */
    private static List<String> serviceImages(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            if (!w.isProjectService()) {
                continue;
            }
            Container c = w.container();
            String expected = Workload.PROJECT_REGISTRY + w.name() + ":";
            if (c.getImage() == null || !c.getImage().startsWith(expected)) {
                violations.add(w + ": image " + c.getImage() + " is not " + expected + "<version>");
            }
        }
        return violations;
    }
}
