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
}
