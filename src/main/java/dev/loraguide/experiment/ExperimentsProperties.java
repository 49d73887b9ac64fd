package dev.loraguide.experiment;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the experiments are declared.
 *
 * @param file the experiments file ({@code EXPERIMENTS_FILE}); {@code experiments.yaml}
 * in {@code guides.dir} when not set, so one rules folder carries guides and experiments
 * together
 */
@ConfigurationProperties("experiments")
record ExperimentsProperties(Path file) {
}
