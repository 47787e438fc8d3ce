package io.mqproducer.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The jars of one Apache RocketMQ release (name server, broker, proxy, client and admin tools with their dependencies)
 * for servers that run as separate JVMs with a class path of their own: RocketMQ 4.9 needs Netty 4.1 and cannot share
 * a class path with a Netty 4.2 application or with 5.x jars.
 *
 * <p>The class path usually comes from a file written at build time by {@code maven-dependency-plugin}'s
 * {@code build-classpath} goal on a small pom that depends on {@code rocketmq-broker}, {@code rocketmq-namesrv},
 * {@code rocketmq-tools} (and {@code rocketmq-proxy} for 5.x) of that version.
 *
 * @param version the RocketMQ version, such as {@code 4.9.7}
 * @param classPath the jars, in class path order
 */
public record RocketMQDistribution(String version, List<Path> classPath) {

    /** The system property prefix that {@link #fromSystemProperty(String)} reads, followed by the version. */
    public static final String CLASS_PATH_FILE_PROPERTY_PREFIX = "mq.producer.test.rocketmq.classpath.";

    public RocketMQDistribution {
        Objects.requireNonNull(version, "version");
        classPath = List.copyOf(classPath);
        if (classPath.isEmpty()) {
            throw new IllegalArgumentException("the class path of RocketMQ " + version + " is empty");
        }
    }

    /** Reads a class path file: jar paths separated by the platform's path separator, as Maven writes it. */
    public static RocketMQDistribution fromClassPathFile(String version, Path file) {
        try {
            String text = Files.readString(file).trim();
            return new RocketMQDistribution(version, Arrays.stream(text.split(java.io.File.pathSeparator))
                    .filter(entry -> !entry.isBlank()).map(Path::of).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class path of RocketMQ " + version + " from " + file
                    + "; build the module that writes it first", e);
        }
    }

    /**
     * The distribution whose class path file the system property {@value #CLASS_PATH_FILE_PROPERTY_PREFIX}{@code
     * <version>} names.
     *
     * @throws IllegalStateException if the property is not set
     */
    public static RocketMQDistribution fromSystemProperty(String version) {
        String file = System.getProperty(CLASS_PATH_FILE_PROPERTY_PREFIX + version);
        if (file == null) {
            throw new IllegalStateException("system property " + CLASS_PATH_FILE_PROPERTY_PREFIX + version
                    + " does not name the class path file of RocketMQ " + version);
        }
        return fromClassPathFile(version, Path.of(file));
    }

    /** Whether this is a 4.x release, whose servers differ from 5.x in logging set-up and ACL. */
    public boolean isVersion4() {
        return version.startsWith("4.");
    }

    /** The class path as one string for {@code java -cp}. */
    String joined() {
        return String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList());
    }

    boolean hasProxy() {
        return classPath.stream().anyMatch(jar -> jar.getFileName().toString().startsWith("rocketmq-proxy-"));
    }
}
