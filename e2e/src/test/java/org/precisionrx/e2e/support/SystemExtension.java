package org.precisionrx.e2e.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link RunningSystem} once for the whole test run and hands it to test classes as a
 * constructor parameter. It lives in the root store, which JUnit closes (stopping every process)
 * when the run ends. A start that failed is not tried again by the next class: each class then
 * fails at once with the first failure as its cause.
 */
public final class SystemExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SystemExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        system(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return system(context);
    }

    private static RunningSystem system(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Startup.class, key -> Startup.attempt(), Startup.class)
                .system();
    }

    /** The outcome of the one start of the run. */
    private record Startup(RunningSystem started, RuntimeException failure) implements AutoCloseable {

        static Startup attempt() {
            try {
                return new Startup(RunningSystem.start(), null);
            } catch (RuntimeException e) {
                return new Startup(null, e);
            }
        }

        RunningSystem system() {
            if (failure != null) {
                throw new IllegalStateException("the system under test did not start: " + failure.getMessage(), failure);
            }
            return started;
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
        }
    }
}
