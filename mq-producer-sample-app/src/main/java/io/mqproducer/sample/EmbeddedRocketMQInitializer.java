package io.mqproducer.sample;

import io.mqproducer.test.EmbeddedRocketMQ;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the sample work out of the box: when {@code mq.producer.name-server} is not set, starts an
 * {@link EmbeddedRocketMQ} before any bean is created, points the producer at it and registers it as the bean
 * {@value #BEAN_NAME}, which the context closes last (after the producer). With the property set, the configured
 * cluster is used and nothing is started.
 *
 * <p>An initializer rather than an environment post-processor: initializers run once logging is set up, and the
 * context they get can own the broker's lifecycle. Registered in {@code META-INF/spring.factories}.
 */
public final class EmbeddedRocketMQInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    /** The bean name under which the embedded broker is registered. */
    public static final String BEAN_NAME = "embeddedRocketMQ";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRocketMQInitializer.class);
    private static final String NAME_SERVER = "mq.producer.name-server";

    /** Creates the initializer; Spring Boot calls this. */
    public EmbeddedRocketMQInitializer() {
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Binder binder = Binder.get(environment);
        if (!binder.bind("mq.producer.enabled", Boolean.class).orElse(true)) {
            return;
        }
        String configured = binder.bind(NAME_SERVER, String.class).orElse("");
        if (!configured.isBlank()) {
            log.info("Using the RocketMQ name server(s) at {} ({} is set)", configured, NAME_SERVER);
            return;
        }
        if (!(context.getBeanFactory() instanceof DefaultListableBeanFactory beanFactory)) {
            throw new IllegalStateException("cannot register the embedded broker with " + context.getClass().getName()
                    + "; set " + NAME_SERVER + " instead");
        }
        EmbeddedRocketMQ rocketMQ = EmbeddedRocketMQ.start();
        environment.getPropertySources().addFirst(new MapPropertySource(BEAN_NAME,
                Map.of(NAME_SERVER, rocketMQ.nameServerAddress())));
        // Registered before any other bean, so destroyed after all of them: the producer closes first.
        beanFactory.registerSingleton(BEAN_NAME, rocketMQ);
        beanFactory.registerDisposableBean(BEAN_NAME, () -> {
            rocketMQ.close();
            log.info("embedded RocketMQ stopped");
        });
        log.info("embedded RocketMQ started at {} (set {} to use a real cluster)", rocketMQ.nameServerAddress(),
                NAME_SERVER);
    }
}
