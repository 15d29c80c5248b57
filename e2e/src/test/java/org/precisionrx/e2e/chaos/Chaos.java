package org.precisionrx.e2e.chaos;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A chaos test class: its constructor may take the {@link ChaosSystem}. Tagged {@code chaos}, so
 * it runs in its own JVM after the flows (e2e/pom.xml), never next to the flows' system.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("chaos")
@ExtendWith(ChaosExtension.class)
public @interface Chaos {
}
