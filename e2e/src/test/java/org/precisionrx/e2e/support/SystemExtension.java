package org.precisionrx.e2e.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link RunningSystem} once for the whole test run and hands it to test classes as a
 * constructor parameter. It lives in the root store, which JUnit closes (stopping every process)
 * when the run ends.
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
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(RunningSystem.class, key -> RunningSystem.start(), RunningSystem.class);
    }
}
