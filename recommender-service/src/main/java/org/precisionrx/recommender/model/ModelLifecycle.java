package org.precisionrx.recommender.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;
import org.precisionrx.recommender.config.RecommenderConfig;

/**
 * Loads the ranking models in the background at start-up (readiness stays DOWN until they serve)
 * and, when a model folder is configured, watches it: a newly published set is loaded,
 * self-checked and swapped in without a restart; a set that fails keeps the old one serving.
 */
@ApplicationScoped
public class ModelLifecycle {

    private static final Logger LOG = Logger.getLogger(ModelLifecycle.class);

    private final ModelRegistry registry;
    private final RecommenderConfig config;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ranking-models");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String published;

    public ModelLifecycle(ModelRegistry registry, RecommenderConfig config) {
        this.registry = registry;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        executor.execute(this::loadInitial);
        config.modelDir().filter(dir -> !dir.isBlank()).ifPresent(dir -> {
            long every = config.modelPollInterval().toMillis();
            executor.scheduleWithFixedDelay(() -> reloadIfChanged(Path.of(dir)), every, every, TimeUnit.MILLISECONDS);
        });
    }

    private void loadInitial() {
        try {
            var dir = config.modelDir().filter(d -> !d.isBlank()).map(Path::of);
            if (dir.isPresent()) {
                published = ModelLoader.fingerprint(dir.get());
                serve(ModelLoader.load(dir.get(), serving()));
            } else {
                serve(ModelLoader.loadShipped(serving()));
            }
        } catch (Exception e) {
            LOG.errorf("ranking models could not be loaded; readiness stays DOWN: %s", e.getMessage());
        }
    }

    /** Public for operators' tooling and tests: checks the folder once. */
    public void reloadIfChanged(Path dir) {
        try {
            String now = ModelLoader.fingerprint(dir);
            if (Objects.equals(now, published)) {
                return;
            }
            serve(ModelLoader.load(dir, serving()));
            published = now;
        } catch (Exception e) {
            LOG.errorf("new ranking models in %s were not swapped in: %s", dir, e.getMessage());
        }
    }

    /** Swaps the candidate in; a refused candidate is closed, so that its sessions and batch threads end. */
    private void serve(ModelSet candidate) {
        try {
            registry.swapIn(candidate);
        } catch (RuntimeException e) {
            candidate.close();
            throw e;
        }
    }

    /** How each loaded model serves: behind a micro-batcher unless batching is disabled. */
    private UnaryOperator<ArmModel> serving() {
        RecommenderConfig.Batching batching = config.batching();
        if (!batching.enabled()) {
            return UnaryOperator.identity();
        }
        return model -> BatchingArmModel.start(model, batching.maxRows(), batching.maxWait(), batching.queueCapacity());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
