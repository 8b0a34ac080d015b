package io.leadpipeline.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the build put the broker's class path and the unpacked Apicurio Registry distribution. */
record DevStackLayout(Path classesDir, Path classpathFile, Path registryHome) {

    static DevStackLayout fromBuild() {
        Properties props = new Properties();
        try (InputStream in = DevStackLayout.class.getResourceAsStream("dev-stack.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev-stack.properties is missing: build the dev-stack module first");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DevStackLayout layout = new DevStackLayout(Path.of(props.getProperty("classes.dir")),
                Path.of(props.getProperty("classpath.file")), Path.of(props.getProperty("registry.home")));
        if (!Files.exists(layout.classpathFile()) || !Files.exists(layout.registryJar())) {
            throw new IllegalStateException("The dev stack is not built (missing " + layout.classpathFile() + " or "
                    + layout.registryJar() + "): run 'mvn -pl dev-stack -am install -DskipTests'");
        }
        return layout;
    }

    String brokerClasspath() {
        try {
            return classesDir + java.io.File.pathSeparator + Files.readString(classpathFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path registryJar() {
        return registryHome.resolve("quarkus-run.jar");
    }
}
