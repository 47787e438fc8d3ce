package io.mqproducer.spring.boot.autoconfigure;

import java.util.Map;
import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops start-up, before any bean is created, when the starter on the class path was built for another Spring Boot
 * major than the application runs, naming the starter to use instead: without it the mismatch shows as a
 * {@code NoClassDefFoundError} deep in some auto-configuration. Each starter registers its own subclass as an
 * {@link ApplicationContextInitializer} in {@code META-INF/spring.factories}.
 */
public abstract class SpringBootLineCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    /** The starter artifact for each supported Spring Boot major. */
    static final Map<Integer, String> STARTERS = Map.of(
            3, "io.mqproducer:mq-producer-spring-boot3-starter",
            4, "io.mqproducer:mq-producer-spring-boot-starter");

    private final int builtFor;

    /** A check for a starter built for Spring Boot {@code builtFor}.x. */
    protected SpringBootLineCheck(int builtFor) {
        this.builtFor = builtFor;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        check(runningVersion());
    }

    /** The Spring Boot version the application runs. */
    String runningVersion() {
        return SpringBootVersion.getVersion();
    }

    /**
     * Fails unless {@code bootVersion} is of the major this starter was built for; {@code null} (a repackaged
     * application that lost Boot's manifest) cannot be compared and passes.
     *
     * @throws SpringBootLineMismatchException on another major
     */
    void check(String bootVersion) {
        if (bootVersion == null) {
            return;
        }
        int running = major(bootVersion);
        if (running != builtFor) {
            throw new SpringBootLineMismatchException(STARTERS.get(builtFor), builtFor, bootVersion,
                    STARTERS.get(running));
        }
    }

    private static int major(String version) {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
