package org.precisionrx.e2e.chaos;

import org.precisionrx.e2e.support.StartedOncePerRun;

/** Starts the {@link ChaosSystem} once for the chaos run. */
public final class ChaosExtension extends StartedOncePerRun<ChaosSystem> {

    public ChaosExtension() {
        super(ChaosSystem.class);
    }

    @Override
    protected ChaosSystem start() {
        return ChaosSystem.start();
    }
}
