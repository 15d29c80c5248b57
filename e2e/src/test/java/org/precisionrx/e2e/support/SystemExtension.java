package org.precisionrx.e2e.support;

/** Starts the flows' {@link RunningSystem} ({@link SystemLayout#E2E}) once for the whole test run. */
public final class SystemExtension extends StartedOncePerRun<RunningSystem> {

    public SystemExtension() {
        super(RunningSystem.class);
    }

    @Override
    protected RunningSystem start() {
        return RunningSystem.start(SystemLayout.E2E);
    }
}
