package org.precisionrx.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Every rendered document against the Kubernetes model, strictly; and the check shown to reject broken documents. */
class SchemaTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken-schema");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyRenderedDocumentIsAKnownKindWithOnlyKnownFieldsOfTheRightTypes(Overlay overlay) {
        List<HasMetadata> objects = StrictModel.get().parse(overlay.rendered());
        assertThat(objects).hasSizeGreaterThan(20);
    }

    /** Each file's first line says what must be reported: "# expect: <text>". */
    @ParameterizedTest
    @MethodSource("brokenDocuments")
    void aBrokenDocumentIsRejected(Path file) throws IOException {
        String yaml = Files.readString(file);
        String expected = yaml.lines().findFirst().orElseThrow().replaceFirst("^# expect: ", "");
        assertThatThrownBy(() -> StrictModel.get().parse(yaml))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("schema check failed")
                .hasMessageContaining(expected);
    }

    static Stream<Path> brokenDocuments() throws IOException {
        Path dir = K8sDirs.k8s().resolve(BROKEN);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).as("broken schema fixtures in " + dir).isNotEmpty();
            return yaml.stream();
        }
    }
}
