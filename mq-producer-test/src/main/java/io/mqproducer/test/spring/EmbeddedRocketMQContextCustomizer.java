package io.mqproducer.test.spring;

import io.mqproducer.test.EmbeddedRocketMQ;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points a test context at the shared broker for its {@link BrokerSettings}: the name server property first among the
 * property sources, and the broker as a bean. Equal for equal settings, so that Spring's context cache can reuse a
 * context across test classes.
 */
final class EmbeddedRocketMQContextCustomizer implements ContextCustomizer {
    static final String PROPERTY_SOURCE_NAME = "embeddedRocketMQBroker";

    private final BrokerSettings settings;

    EmbeddedRocketMQContextCustomizer(BrokerSettings settings) {
        this.settings = settings;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        EmbeddedRocketMQ broker = SharedBrokers.get(settings);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
                Map.of(EmbeddedRocketMQBroker.NAME_SERVER_PROPERTY, broker.nameServerAddress())));
        // A registered singleton is not destroyed with the context: the broker outlives it, shared with others.
        context.getBeanFactory().registerSingleton(EmbeddedRocketMQBroker.BEAN_NAME, broker);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmbeddedRocketMQContextCustomizer customizer && settings.equals(customizer.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    @Override
    public String toString() {
        return "EmbeddedRocketMQContextCustomizer" + settings;
    }
}
