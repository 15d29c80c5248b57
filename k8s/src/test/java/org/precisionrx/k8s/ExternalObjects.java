package org.precisionrx.k8s;

import java.util.List;

/**
 * What prod references but does not contain: created out of band before applying, as k8s/README.md
 * says (ReadmeTest checks each is documented there, and that each is still referenced).
 */
final class ExternalObjects {

    static final List<Reference> PROD = List.of(
            expected("Secret", "patient-profile-db"),
            expected("Secret", "gateway-db"),
            expected("Secret", "gateway-oidc"),
            expected("Secret", "gateway-tls"),
            expected("ConfigMap", "postgres-ca"),
            // Only with components/recommender-model-volume.
            expected("PersistentVolumeClaim", "recommender-models"));

    private ExternalObjects() {
    }

    static boolean isDocumentedForProd(Reference reference) {
        return PROD.stream().anyMatch(e -> e.kind().equals(reference.kind()) && e.name().equals(reference.name()));
    }

    private static Reference expected(String kind, String name) {
        return new Reference(kind, name, "k8s/README.md");
    }
}
