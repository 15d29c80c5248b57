package org.precisionrx.recommender.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.feature.FeatureSpec;

/** Models swap in only after loading and passing the self-check; a bad set never replaces a good one. */
class ModelRegistryTest {

    @Test
    void aNewSetIsSwappedInAndABrokenOneIsRefused() throws Exception {
        ModelRegistry registry = new ModelRegistry();
        assertThat(registry.ready()).isFalse();

        Path root = ModelLoader.extractShipped();
        ModelSet first = ModelLoader.load(root);
        registry.swapIn(first);
        assertThat(registry.current()).containsSame(first);

        IndicationModels good = first.forIndication("acs-pci").orElseThrow();
        ArmModel broken = new NotAProbability(good.benefit());
        ModelSet bad = new ModelSet("broken", Map.of("acs-pci",
                new IndicationModels("acs-pci", broken, good.adverseEvents(), good.encoder())));
        assertThatThrownBy(() -> registry.swapIn(bad)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a probability");
        assertThat(registry.current()).containsSame(first);
    }

    @Test
    void aPublishedFolderIsReloadedWhenItsManifestChanges() throws Exception {
        Path root = ModelLoader.extractShipped();
        String before = ModelLoader.fingerprint(root);
        Files.writeString(root.resolve("models.json"),
                Files.readString(root.resolve("models.json")).replace("\"version\" : \"", "\"version\" : \"next-"));
        assertThat(ModelLoader.fingerprint(root)).isNotEqualTo(before);
        ModelSet reloaded = ModelLoader.load(root);
        assertThat(reloaded.version()).startsWith("next-v1");
        assertThat(reloaded.indications()).containsExactly("acs-pci", "af-stroke-prevention", "depression", "hyperlipidaemia");
    }

    /** A model whose outputs are out of range, as a corrupt artifact would give. */
    private record NotAProbability(ArmModel delegate) implements ArmModel {
        public List<String> arms() {
            return delegate.arms();
        }

        public String version() {
            return "broken";
        }

        public String sha256() {
            return delegate.sha256();
        }

        public FeatureSpec featureSpec() {
            return delegate.featureSpec();
        }

        public Optional<ModelCard> modelCard() {
            return delegate.modelCard();
        }

        public double[][][] predict(float[][] encoded) {
            double[][][] out = delegate.predict(encoded);
            out[0][0][0] = 1.7;
            return out;
        }

        public float[][] attributions(float[] encoded, float[] baseline, int[] arms, int steps) {
            return delegate.attributions(encoded, baseline, arms, steps);
        }

        public void close() {
        }
    }
}
