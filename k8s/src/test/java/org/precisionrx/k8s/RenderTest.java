package org.precisionrx.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RenderTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void kubectlKustomizeRendersTheOverlay(Overlay overlay) {
        assertThat(overlay.rendered()).contains("kind: Deployment", "kind: NetworkPolicy");
    }

    @Test
    void baseRendersOnItsOwnToo() {
        assertThat(Kubectl.kustomize(K8sDirs.k8s().resolve("base"))).contains("name: gateway");
    }

    @Test
    void aMissingKubectlIsReportedWithHowToInstallIt() {
        assertThat(Kubectl.locate(Map.of("PATH", "/nonexistent-for-this-test"))).isEmpty();
        assertThat(Kubectl.MISSING).contains("kubectl was not found", "install kubectl", "https://kubernetes.io/docs/tasks/tools/");
    }
}
