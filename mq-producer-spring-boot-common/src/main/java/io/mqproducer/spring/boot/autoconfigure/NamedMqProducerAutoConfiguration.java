package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.ProducerResources;
import io.mqproducer.spi.SendObserver;
import io.mqproducer.spi.TransactionChecker;
import io.mqproducer.spring.JsonCodec;
import io.mqproducer.spring.MessageCustomizer;
import io.mqproducer.spring.ProducerListener;
import io.mqproducer.spring.ProducerOperations;
import io.mqproducer.spring.RoutingProducerTemplate;
import io.mqproducer.spring.SendListener;
import io.mqproducer.spring.SendObservation;
import io.mqproducer.spring.TopicPattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several producers from {@code mq.producer.producers.<name>.*}: a {@link NamedProducers} holder with one started
 * producer (its own connections, on threads shared by all named producers) and one template per name, each template also a bean {@code <name>ProducerTemplate}
 * injected only by name or qualifier, and a {@link RoutingProducerTemplate} that picks one by topic pattern (falling
 * back to the default template, if any). Nothing here applies when no named producer is configured.
 */
@AutoConfiguration(after = MqProducerAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = MqProducerProperties.PREFIX + ".enabled", matchIfMissing = true)
@Conditional(NamedProducersCondition.class)
public final class NamedMqProducerAutoConfiguration {

    /** Creates the auto-configuration; Spring calls this. */
    public NamedMqProducerAutoConfiguration() {
    }

    /**
     * Registers each named template as a bean {@code <name>ProducerTemplate}; static, as it runs before the other
     * beans exist.
     */
    @Bean
    static NamedProducerTemplateRegistrar mqNamedProducerTemplateRegistrar() {
        return new NamedProducerTemplateRegistrar();
    }

    /**
     * The threads every named producer runs on (event loops, scheduler, callbacks), so that each further producer
     * adds connections but no threads; closed after the producers, which depend on it. An application bean of the
     * type replaces it.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ProducerResources mqProducerResources() {
        return ProducerResources.create();
    }

    /**
     * One started producer per name, built like the default one (observers, customizers, transaction checker, TLS)
     * from its effective settings on the shared {@link ProducerResources}, and a template around each like the
     * default template.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public NamedProducers namedProducers(MqProducerProperties properties, ProducerResources resources,
            ObjectProvider<MqProducerConnectionDetails> connectionDetails, ObjectProvider<SendObserver> observers,
            ObjectProvider<ProducerSendObserverFactory> observerFactories,
            ObjectProvider<ProducerOptionsCustomizer> customizers, ObjectProvider<TransactionChecker> checker,
            ObjectProvider<SslBundles> sslBundles, ObjectProvider<JsonCodec> json,
            ObjectProvider<JsonMapper> jsonMapper,
            ObjectProvider<SendListener> listeners, ObjectProvider<SendObservation> observation,
            ObjectProvider<MessageCustomizer> messageCustomizers, ObjectProvider<ProducerListener> producerListeners,
            Environment environment) {
        MqProducerConnectionDetails details = connectionDetails.getIfAvailable();
        String defaultNameServer = details != null ? details.nameServer() : properties.getNameServer();
        Binder binder = Binder.get(environment);
        return NamedProducers.start(properties,
                entry -> {
                    ProducerReference reference = new ProducerReference();
                    return reference.set(startNamed(entry.getKey(), entry.getValue(), properties, defaultNameServer,
                            binder, MqProducerAutoConfiguration.observers(entry.getKey(), reference, observers,
                                    observerFactories),
                            effective -> onShared(resources, MqProducerAutoConfiguration.customizers(effective,
                                    customizers, checker, sslBundles))));
                },
                producer -> MqProducerAutoConfiguration.template(producer,
                        MqProducerAutoConfiguration.jsonCodec(json, jsonMapper), listeners, observation,
                        messageCustomizers, producerListeners));
    }

    /**
     * Routes each send to the named template whose {@code topics} pattern matches its topic (first in declaration
     * order), else to the default template if there is one. Primary, so that injecting {@link ProducerOperations}
     * gets this one when the default template exists too.
     */
    @Bean
    @Primary
    @ConditionalOnMissingBean
    public RoutingProducerTemplate routingProducerTemplate(NamedProducers namedProducers,
            ListableBeanFactory beanFactory) {
        List<RoutingProducerTemplate.Route> routes = namedProducers.names().stream()
                .map(name -> new RoutingProducerTemplate.Route(name,
                        patterns(name, namedProducers.topics(name)), namedProducers.template(name)))
                .toList();
        Set<String> named = namedProducers.names().stream().map(NamedProducerTemplateRegistrar::beanName)
                .collect(Collectors.toSet());
        // Looked up on the first unmatched send, once every bean is defined, and then kept.
        return new RoutingProducerTemplate(routes,
                SingletonSupplier.ofNullable(() -> fallback(beanFactory, named)));
    }

    /** The shared resources first, so that a customizer can still give a producer threads of its own. */
    private static List<ProducerOptionsCustomizer> onShared(ProducerResources resources,
            List<ProducerOptionsCustomizer> customizers) {
        List<ProducerOptionsCustomizer> all = new ArrayList<>();
        all.add(builder -> builder.resources(resources));
        all.addAll(customizers);
        return all;
    }

    private static Producer startNamed(String name, NamedProducerProperties named, MqProducerProperties top,
            String defaultNameServer, Binder binder, List<SendObserver> observers,
            Function<ProducerProperties, List<ProducerOptionsCustomizer>> customizers) {
        String nameServer = named.getNameServer() != null ? named.getNameServer() : defaultNameServer;
        if (!StringUtils.hasText(nameServer)) {
            throw new MqProducerPropertyException(NamedProducerSettings.prefix(name) + ".name-server", null,
                    "producer '" + name + "' needs a name server address, host:port, several separated by ';' or ','"
                            + " (here or at " + MqProducerProperties.PREFIX + ".name-server)", null);
        }
        ProducerProperties effective = NamedProducerSettings.effective(name, binder);
        ProducerOptions options;
        try {
            options = ProducerOptionsFactory.create(effective, nameServer, observers, customizers.apply(effective));
        } catch (MqProducerPropertyException e) {
            throw NamedProducerSettings.attribute(name, binder, e);
        }
        return MqProducerAutoConfiguration.start(top, options);
    }

    private static List<TopicPattern> patterns(String name, List<String> topics) {
        try {
            return topics.stream().map(TopicPattern::of).toList();
        } catch (IllegalArgumentException e) {
            throw new MqProducerPropertyException(NamedProducerSettings.prefix(name) + ".topics",
                    String.join(",", topics), e.getMessage(), e);
        }
    }

    /** The one {@link ProducerOperations} bean that is neither routing nor named, or {@code null}. */
    private static ProducerOperations fallback(ListableBeanFactory beanFactory, Set<String> named) {
        List<String> candidates = Arrays.stream(beanFactory.getBeanNamesForType(ProducerOperations.class))
                .filter(name -> !named.contains(name))
                .filter(name -> !RoutingProducerTemplate.class.equals(beanFactory.getType(name)))
                .toList();
        return candidates.size() == 1 ? beanFactory.getBean(candidates.get(0), ProducerOperations.class) : null;
    }
}
