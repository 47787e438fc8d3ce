package io.mqproducer.spring.boot.autoconfigure.embedded;

import io.mqproducer.spring.boot.autoconfigure.MqProducerAutoConfiguration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** The application of the {@code @EmbeddedRocketMQBroker} tests: the producer auto-configuration only. */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration(MqProducerAutoConfiguration.class)
class EmbeddedBrokerApp {

    /** Name server addresses seen by the test classes of this package; one shared broker means one address. */
    static final Set<String> SEEN_NAME_SERVERS = ConcurrentHashMap.newKeySet();
}
