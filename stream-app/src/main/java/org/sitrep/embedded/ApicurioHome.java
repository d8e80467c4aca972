package org.sitrep.embedded;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds the unpacked Apicurio Registry distribution (the directory holding {@code apicurio-registry-app-*-runner.jar}
 * and {@code lib/}) that the build puts in {@code stream-app/target/apicurio}.
 */
public final class ApicurioHome {
    /** System property naming the directory. */
    public static final String PROPERTY = "sitrep.apicurio.home";
    /** Environment variable naming the directory, read when the property is not set. */
    public static final String ENV = "SITREP_APICURIO_HOME";

    private static final String RUNNER_SUFFIX = "-runner.jar";

    private ApicurioHome() {
    }

    /**
     * The Apicurio directory: system property {@value #PROPERTY}, else environment variable {@value #ENV}, else
     * {@code apicurio/} beside the running jar (or beside the {@code classes/} directory), else
     * {@code stream-app/target/apicurio} or {@code target/apicurio} under the working directory.
     *
     * @throws IllegalStateException if the named or found directory holds no Apicurio runner jar; the message says how
     *                               to build it or where to point
     */
    public static Path locate() {
        return locate(System::getProperty, System::getenv, codeLocation(), Path.of(""));
    }

    static Path locate(UnaryOperator<String> properties, UnaryOperator<String> environment, Optional<Path> code,
            Path workDir) {
        String named = properties.apply(PROPERTY);
        if (named != null && !named.isBlank()) {
            return requireApicurio(Path.of(named), "system property " + PROPERTY);
        }
        named = environment.apply(ENV);
        if (named != null && !named.isBlank()) {
            return requireApicurio(Path.of(named), "environment variable " + ENV);
        }
        List<Path> candidates = new ArrayList<>();
        code.map(Path::getParent).ifPresent(dir -> candidates.add(dir.resolve("apicurio")));
        candidates.add(workDir.resolve("stream-app").resolve("target").resolve("apicurio"));
        candidates.add(workDir.resolve("target").resolve("apicurio"));
        for (Path candidate : candidates) {
            if (runnerJar(candidate).isPresent()) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("Apicurio Registry not found (looked in " + describe(candidates)
                + "). Build it with `./mvnw -q package -DskipTests`, or point -D" + PROPERTY + " or " + ENV
                + " at an unpacked io.apicurio:apicurio-registry-app:2.6.13.Final:zip:all");
    }

    /** The {@code *-runner.jar} in {@code home}, if there is one. */
    public static Optional<Path> runnerJar(Path home) {
        if (!Files.isDirectory(home)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(home, "*" + RUNNER_SUFFIX)) {
            for (Path jar : jars) {
                return Optional.of(jar);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path requireApicurio(Path home, String source) {
        if (runnerJar(home).isEmpty()) {
            throw new IllegalStateException(source + " names " + home.toAbsolutePath()
                    + ", which holds no Apicurio *" + RUNNER_SUFFIX + ". Build it with `./mvnw -q package -DskipTests`"
                    + " (it is unpacked into stream-app/target/apicurio) or fix the path");
        }
        return home.toAbsolutePath().normalize();
    }

    /** The running jar, or the {@code classes/} directory when run from a build tree. */
    private static Optional<Path> codeLocation() {
        CodeSource source = ApicurioHome.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String describe(List<Path> candidates) {
        return String.join(", ", candidates.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
    }
}
