package io.mqproducer.spring.boot.autoconfigure.endpoint;

import io.mqproducer.Producer;
import io.mqproducer.spring.actuate.MqProducerEndpoint;
import io.mqproducer.spring.boot.autoconfigure.MqProducerAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.MqProducerProperties;
import io.mqproducer.spring.boot.autoconfigure.MqProducers;
import io.mqproducer.spring.boot.autoconfigure.NamedMqProducerAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.NamedProducers;
import io.mqproducer.spring.boot.autoconfigure.OnAnyProducerCondition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code mqproducer} actuator endpoint when Spring Boot's actuator is present. Available by default but, like
 * other endpoints, exposed over HTTP only when listed in {@code management.endpoints.web.exposure.include}.
 */
@AutoConfiguration(after = {MqProducerAutoConfiguration.class, NamedMqProducerAutoConfiguration.class})
@ConditionalOnClass(name = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
@ConditionalOnBooleanProperty(name = MqProducerProperties.PREFIX + ".enabled", matchIfMissing = true)
@Conditional(OnAnyProducerCondition.class)
public final class MqProducerEndpointAutoConfiguration {

    /** Creates the auto-configuration; Spring calls this. */
    public MqProducerEndpointAutoConfiguration() {
    }

    /** Nested so that the actuator's condition is read only once the class check above has passed. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnAvailableEndpoint(MqProducerEndpoint.class)
    static final class EndpointConfiguration {

        /** The endpoint, describing the default producer and every named one. */
        @Bean
        @ConditionalOnMissingBean
        MqProducerEndpoint mqProducerEndpoint(ObjectProvider<Producer> producer, ObjectProvider<NamedProducers> named) {
            return new MqProducerEndpoint(() -> MqProducers.byName(producer, named));
        }
    }
}
