package org.precisionrx.k8s;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One policy: what it checks, where, and its counterexample. {@code breakage} turns a clean
 * render of {@link #fixtureOverlay()} into a broken fixture the rule must reject, so every rule is
 * shown to fail (BrokenFixturesTest), not only to pass.
 */
record Rule(String id, Scope scope, Function<Manifest, List<String>> check, Consumer<Manifest> breakage) {

    enum Scope {
        EVERY_OVERLAY, DEV, PROD;

        boolean includes(Overlay overlay) {
            return switch (this) {
                case EVERY_OVERLAY -> true;
                case DEV -> overlay == Overlay.DEV;
                case PROD -> overlay.isProd();
            };
        }
    }

    static Rule everywhere(String id, Function<Manifest, List<String>> check, Consumer<Manifest> breakage) {
        return new Rule(id, Scope.EVERY_OVERLAY, check, breakage);
    }

    static Rule dev(String id, Function<Manifest, List<String>> check, Consumer<Manifest> breakage) {
        return new Rule(id, Scope.DEV, check, breakage);
    }

    static Rule prod(String id, Function<Manifest, List<String>> check, Consumer<Manifest> breakage) {
        return new Rule(id, Scope.PROD, check, breakage);
    }

    List<String> violations(Manifest manifest) {
        return check.apply(manifest);
    }

    /** The render the broken fixture starts from: dev for rules that hold everywhere (it has the most workloads). */
    Overlay fixtureOverlay() {
        return scope == Scope.PROD ? Overlay.PROD : Overlay.DEV;
    }

    @Override
    public String toString() {
        return id;
    }
}
