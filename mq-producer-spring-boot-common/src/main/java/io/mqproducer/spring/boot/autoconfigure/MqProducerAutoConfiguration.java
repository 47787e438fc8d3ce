package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.spi.TransactionChecker;
import java.util.ArrayList;
import java.util.List;
import io.mqproducer.spi.SendObserver;
import io.mqproducer.spring.JsonCodec;
import io.mqproducer.spring.MessageCustomizer;
import io.mqproducer.spring.ProducerListener;
import io.mqproducer.spring.ProducerOperations;
import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.spring.SendHooks;
import io.mqproducer.spring.SendListener;
import io.mqproducer.spring.SendObservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates a started {@link Producer} from {@code mq.producer.*} and a {@link ProducerTemplate} around it, unless the
 * application defines its own. A missing or invalid property fails start-up with a message naming it; the producer
 * is closed with the context (in-flight sends finish or fail within the send timeout).
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = MqProducerProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(MqProducerProperties.class)
public final class MqProducerAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(MqProducerAutoConfiguration.class);

    /** Creates the auto-configuration; Spring calls this. */
    public MqProducerAutoConfiguration() {
    }

    /**
     * Where to connect, from {@code mq.producer.name-server}; an application or test bean of the type replaces it.
     */
    @Bean
    @ConditionalOnMissingBean(MqProducerConnectionDetails.class)
    public MqProducerConnectionDetails mqProducerConnectionDetails(MqProducerProperties properties) {
        return new PropertiesMqProducerConnectionDetails(properties);
    }

    /**
     * The producer, connected to the name server(s) of the {@link MqProducerConnectionDetails} bean and otherwise
     * built from the properties (TLS from the SSL bundle named by {@code mq.producer.ssl.bundle}), every
     * {@link SendObserver} bean, an observer from every {@link ProducerSendObserverFactory} bean (as producer
     * {@value MqProducers#DEFAULT}) and every {@link ProducerOptionsCustomizer} bean, and started. With
     * {@code mq.producer.fail-fast=true} start-up fails with {@link MqProducerUnreachableException} when no name
     * server answers.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(DefaultProducerCondition.class)
    public Producer mqProducer(MqProducerProperties properties, MqProducerConnectionDetails connectionDetails,
            ObjectProvider<SendObserver> observers, ObjectProvider<ProducerSendObserverFactory> observerFactories,
            ObjectProvider<ProducerOptionsCustomizer> customizers, ObjectProvider<TransactionChecker> checker,
            ObjectProvider<SslBundles> sslBundles, Environment environment) {
        ProducerReference reference = new ProducerReference();
        String migration = LegacyRocketMQProperties.advice(LegacyRocketMQProperties.renames(environment));
        ProducerOptions options;
        try {
            options = ProducerOptionsFactory.create(properties, connectionDetails.nameServer(),
                    observers(MqProducers.DEFAULT, reference, observers, observerFactories),
                    customizers(properties, customizers, checker, sslBundles));
        } catch (MqProducerPropertyException e) {
            throw migration.isEmpty() ? e
                    : new MqProducerPropertyException(e.property(), e.value(), e.reason() + "; " + migration, e);
        }
        if (!migration.isEmpty()) {
            log.warn("RocketMQ producer: {}", migration);
        }
        return reference.set(start(properties, options));
    }

    /**
     * The template, writing JSON with the application's Jackson mapper ({@link #jsonCodec}), telling every
     * {@link SendListener} and {@link ProducerListener} bean and applying every {@link MessageCustomizer} bean, each
     * kind in {@code @Order}.
     */
    @Bean
    @ConditionalOnMissingBean(ProducerOperations.class)
    @Conditional(DefaultProducerCondition.class)
    public ProducerTemplate producerTemplate(Producer producer, ObjectProvider<JsonCodec> json,
            ObjectProvider<JsonMapper> jsonMapper,
            ObjectProvider<SendListener> listeners, ObjectProvider<SendObservation> observation,
            ObjectProvider<MessageCustomizer> messageCustomizers, ObjectProvider<ProducerListener> producerListeners) {
        return template(producer, jsonCodec(json, jsonMapper), listeners, observation, messageCustomizers,
                producerListeners);
    }

    /** Every observer bean, then one observer of {@code name} from each factory bean. */
    static List<SendObserver> observers(String name, ProducerReference producer, ObjectProvider<SendObserver> observers,
            ObjectProvider<ProducerSendObserverFactory> factories) {
        List<SendObserver> all = new ArrayList<>(observers.orderedStream().toList());
        factories.orderedStream().forEach(factory -> all.add(factory.create(name, producer)));
        return all;
    }

    /** TLS from the SSL bundle, the unique transaction checker bean, then every customizer bean, in that order. */
    static List<ProducerOptionsCustomizer> customizers(ProducerProperties properties,
            ObjectProvider<ProducerOptionsCustomizer> customizers, ObjectProvider<TransactionChecker> checker,
            ObjectProvider<SslBundles> sslBundles) {
        List<ProducerOptionsCustomizer> all = new ArrayList<>();
        // TLS first, so that a customizer can still change it.
        ProducerOptionsCustomizer tls = SslBundleTls.customizer(properties.getSsl(), sslBundles.getIfAvailable());
        if (tls != null) {
            all.add(tls);
        }
        // A checker bean answers the broker's transaction check-backs; customizers still have the last word.
        checker.ifUnique(unique -> all.add(builder -> builder.transactionChecker(unique)));
        all.addAll(customizers.orderedStream().toList());
        return all;
    }

    /** Starts a producer with these options, checking that a name server answers when fail-fast is on. */
    static Producer start(MqProducerProperties properties, ProducerOptions options) {
        log.info("Starting RocketMQ producer (group {}, name servers {})", options.producerGroup(),
                options.nameServers());
        Producer producer = Producer.create(options).start();
        return properties.isFailFast()
                ? StartupConnectivityCheck.requireReachable(producer, properties.getFailFastTimeout())
                : producer;
    }

    /**
     * The {@link JsonCodec} bean (the Boot 3 starter's, over the application's Jackson 2 mapper), else one over the
     * application's Jackson 3 {@link JsonMapper} (Boot 4; Jackson 3 is the core's own JSON library, so always here),
     * else over a default Jackson 3 mapper.
     */
    static JsonCodec jsonCodec(ObjectProvider<JsonCodec> codec, ObjectProvider<JsonMapper> jsonMapper) {
        return codec.getIfAvailable(() -> JsonCodec.of(jsonMapper.getIfAvailable(() -> JsonMapper.builder().build())));
    }

    /** A template around {@code producer} with the application's JSON codec, listeners, observation and hooks. */
    static ProducerTemplate template(Producer producer, JsonCodec json,
            ObjectProvider<SendListener> listeners, ObjectProvider<SendObservation> observation,
            ObjectProvider<MessageCustomizer> messageCustomizers, ObjectProvider<ProducerListener> producerListeners) {
        return new ProducerTemplate(producer, json,
                SendListener.composite(listeners.orderedStream().toList()),
                observation.getIfAvailable(() -> SendObservation.NONE),
                new SendHooks(messageCustomizers.orderedStream().toList(),
                        producerListeners.orderedStream().toList()));
    }
}
