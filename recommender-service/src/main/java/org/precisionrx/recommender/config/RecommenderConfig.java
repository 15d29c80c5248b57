package org.precisionrx.recommender.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "precisionrx.recommender")
public interface RecommenderConfig {

    /** Deadline of each call to patient-profile-service. */
    @WithDefault("2s")
    Duration profileDeadline();

    /** Deadline of each page of profiles (up to 500) that ScorePopulation reads. */
    @WithDefault("30s")
    Duration profilePageDeadline();

    /** Deadline of each call to dosage-service. */
    @WithDefault("2s")
    Duration dosageDeadline();

    /** Folder holding one sub-folder per indication and outcome; empty means the models shipped in the jar. */
    Optional<String> modelDir();

    /** How often the model folder is checked for a new version to swap in. */
    @WithDefault("30s")
    Duration modelPollInterval();

    /** Integrated-gradients interpolation steps per explained option. */
    @WithDefault("32")
    int explanationSteps();

    /** How many contributing factors each option shows. */
    @WithDefault("4")
    int explanationFactors();

    /** Patients scored per batch in ScorePopulation. */
    @WithDefault("64")
    int populationBatch();

    /** Micro-batching of the ranking models' calls (README "Performance"). */
    Batching batching();

    interface Batching {

        /** Coalesce concurrent model calls into one TensorFlow call; false calls the model once per request. */
        @WithDefault("true")
        boolean enabled();

        /** Most rows (patients) in one model call. */
        @WithDefault("64")
        int maxRows();

        /** Longest the oldest waiting row waits for callers already inside the model to join its batch. */
        @WithDefault("2ms")
        Duration maxWait();

        /** Rows that may wait per model; beyond that a request fails at once with RESOURCE_EXHAUSTED. */
        @WithDefault("1024")
        int queueCapacity();
    }
}
