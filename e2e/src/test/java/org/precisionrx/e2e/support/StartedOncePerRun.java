package org.precisionrx.e2e.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts something expensive once for the whole test run and hands it to test classes as a
 * constructor parameter. It lives in the root store, which JUnit closes when the run ends. A start
 * that failed is not tried again by the next class: each class then fails at once with the first
 * failure as its cause.
 */
public abstract class StartedOncePerRun<T extends AutoCloseable> implements BeforeAllCallback, ParameterResolver {

    private final Class<T> type;

    protected StartedOncePerRun(Class<T> type) {
        this.type = type;
    }

    /** Starts the thing; a failure is remembered for the rest of the run. */
    protected abstract T start();

    @Override
    public void beforeAll(ExtensionContext context) {
        started(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == type;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return started(context);
    }

    private T started(ExtensionContext context) {
        ExtensionContext.Namespace namespace = ExtensionContext.Namespace.create(getClass());
        @SuppressWarnings("unchecked")
        Startup<T> startup = context.getRoot().getStore(namespace)
                .computeIfAbsent(Startup.class, key -> attempt(), Startup.class);
        return startup.value();
    }

    private Startup<T> attempt() {
        try {
            return new Startup<>(start(), null);
        } catch (RuntimeException e) {
            return new Startup<>(null, e);
        }
    }

    /** The outcome of the one start of the run. */
    private record Startup<T extends AutoCloseable>(T started, RuntimeException failure) implements AutoCloseable {

        T value() {
            if (failure != null) {
                throw new IllegalStateException("the system under test did not start: " + failure.getMessage(), failure);
            }
            return started;
        }

        @Override
        public void close() throws Exception {
            if (started != null) {
                started.close();
            }
        }
    }
}
