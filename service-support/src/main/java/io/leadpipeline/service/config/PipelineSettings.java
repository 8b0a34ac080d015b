package io.leadpipeline.service.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The setting the services share under one name: the folder with the edited business rules
 * ({@code pipeline.config-dir}, env {@code PIPELINE_CONFIG_DIR}). Each service's own settings are in its own mapping.
 * <p>
 * Not mapped here, and still read with {@code @ConfigProperty}: where Kafka and the schema registry are
 * ({@code kafka.bootstrap.servers}, {@code apicurio.registry.url}) and Quarkus' own keys ({@code quarkus.*}). They are
 * the extensions' names, and a mapping claims every key under its prefix: a {@code kafka} mapping would make each
 * other {@code kafka.*} key the Kafka extension hands its clients a start-up error, and an empty prefix would switch
 * off the unknown-key check of every mapping.
 * <p>
 * Every {@code pipeline.*} key belongs here: one this mapping does not declare, in a properties file or a system
 * property, stops the start-up (environment variables are not checked).
 */
@ConfigMapping(prefix = "pipeline")
public interface PipelineSettings {

    /** The folder holding edited rules files ({@code scoring.yaml}, {@code routing.yaml}, ...); unset: the built-in defaults. */
    Optional<Path> configDir();
}
