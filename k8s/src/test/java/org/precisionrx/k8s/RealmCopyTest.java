package org.precisionrx.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/**
 * The dev Keycloak imports the one realm definition, keycloak/precisionrx-realm.json. kustomize
 * cannot read files outside the overlay, so the overlay holds a copy, which must stay identical.
 */
class RealmCopyTest {

    static final String REALM_FILE = "precisionrx-realm.json";

    @Test
    void theOverlaysCopyIsByteIdenticalToTheRealmDefinition() throws IOException {
        byte[] original = Files.readAllBytes(K8sDirs.repository().resolve("keycloak").resolve(REALM_FILE));
        byte[] copy = Files.readAllBytes(K8sDirs.k8s().resolve("overlays/dev/keycloak").resolve(REALM_FILE));
        assertThat(copy)
                .as("k8s/overlays/dev/keycloak/%s differs from keycloak/%s; copy it again: "
                        + "cp keycloak/%s k8s/overlays/dev/keycloak/", REALM_FILE, REALM_FILE, REALM_FILE)
                .isEqualTo(original);
    }

    @Test
    void keycloakImportsTheRenderedRealmAtStart() throws IOException {
        Manifest dev = Overlay.DEV.manifest();
        String original = Files.readString(K8sDirs.repository().resolve("keycloak").resolve(REALM_FILE));
        var realm = dev.configMap("keycloak-realm");
        assertThat(realm.getData()).containsEntry(REALM_FILE, original);

        Workload keycloak = dev.workload("keycloak");
        Container container = keycloak.container();
        assertThat(container.getArgs()).contains("start-dev", "--import-realm");
        String volume = keycloak.pod().getVolumes().stream()
                .filter(v -> v.getConfigMap() != null && v.getConfigMap().getName().equals(realm.getMetadata().getName()))
                .findFirst().orElseThrow().getName();
        assertThat(container.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo(volume);
            assertThat(m.getMountPath()).isEqualTo("/opt/keycloak/data/import");
        });
    }

    /** The realm reads PRX_GATEWAY_CLIENT_SECRET at import and the gateway uses it: both from one Secret key. */
    @Test
    void keycloakAndTheGatewayShareTheClientSecret() {
        Manifest dev = Overlay.DEV.manifest();
        SecretKeySelector keycloakSide = secretRef(dev.workload("keycloak").container(), "PRX_GATEWAY_CLIENT_SECRET");
        SecretKeySelector gatewaySide = secretRef(dev.workload("gateway").container(), "PRX_GATEWAY_CLIENT_SECRET");
        assertThat(keycloakSide.getName()).isEqualTo(gatewaySide.getName());
        assertThat(keycloakSide.getKey()).isEqualTo(gatewaySide.getKey());
        assertThat(secretRef(dev.workload("keycloak").container(), "PRX_EHR_CLIENT_SECRET")).isNotNull();
    }

    private static SecretKeySelector secretRef(Container container, String env) {
        EnvVar var = SecurityRules.env(container, env);
        return var.getValueFrom().getSecretKeyRef();
    }
}
