package org.precisionrx.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's sibling {@code shared/} folder, which tests (never the services) may read. */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir(String relative) {
        Path root = Path.of(System.getProperty("prx.shared.dir", "../../shared"));
        Path dir = root.resolve(relative);
        if (!Files.exists(dir)) {
            throw new IllegalStateException("shared test data not found at " + dir.toAbsolutePath()
                    + "; set -Dprx.shared.dir to the shared/ folder");
        }
        return dir;
    }
}
