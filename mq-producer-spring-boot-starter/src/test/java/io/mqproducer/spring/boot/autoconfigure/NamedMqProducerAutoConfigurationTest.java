package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.ProducerResources;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.spring.ProducerOperations;
import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.spring.RoutingProducerTemplate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Several producers from {@code mq.producer.producers.<name>.*}: binding, isolation, routing, start-up failures. */
class NamedMqProducerAutoConfigurationTest {
    // Never contacted: producers connect lazily and these tests do not send to a broker.
    private static final String NAME_SERVER = "mq.producer.name-server=127.0.0.1:9876";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            // Name servers here are never contacted: start lazily instead of failing fast.
            .withPropertyValues("mq.producer.fail-fast=false")
            .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class,
                    NamedMqProducerAutoConfiguration.class));

    private static final String[] TWO_NAMED = {
            "mq.producer.group=top-group",
            "mq.producer.send-timeout=5s",
            "mq.producer.producers.orders.name-server=10.0.0.1:9876",
            "mq.producer.producers.orders.group=orders-group",
            "mq.producer.producers.orders.retries=7",
            "mq.producer.producers.orders.namespace=shop",
            "mq.producer.producers.orders.topics=orders.*,regex:refund-[0-9]+",
            "mq.producer.producers.audit.topics[0]=audit*",
            "mq.producer.producers.audit.send-timeout=1s",
            "mq.producer.producers.audit.request-timeout=400ms"};

    @Test
    void bindsEachNamedProducerWithOverridesAndFallbacksAsItsOwnClient() {
        runner.withPropertyValues(NAME_SERVER).withPropertyValues(TWO_NAMED).run(context -> {
            assertThat(context).hasNotFailed();
            NamedProducers named = context.getBean(NamedProducers.class);
            assertThat(named.names()).containsExactly("orders", "audit");
            Producer orders = named.producer("orders");
            Producer audit = named.producer("audit");
            Producer single = context.getBean(Producer.class);
            assertThat(orders).isNotSameAs(audit).isNotSameAs(single);
            assertThat(orders.isRunning()).isTrue();
            assertThat(audit.isRunning()).isTrue();

            ProducerOptions o = orders.options();
            assertThat(o.nameServers()).containsExactly("10.0.0.1:9876");
            assertThat(o.producerGroup()).isEqualTo("orders-group");
            assertThat(o.retries()).isEqualTo(7);
            assertThat(o.namespace()).isEqualTo("shop");
            assertThat(o.sendTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(o.clientId()).startsWith("orders@");

            ProducerOptions a = audit.options();
            assertThat(a.nameServers()).containsExactly("127.0.0.1:9876");
            assertThat(a.producerGroup()).isEqualTo("top-group");
            assertThat(a.retries()).isEqualTo(2);
            assertThat(a.sendTimeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(a.requestTimeout()).isEqualTo(Duration.ofMillis(400));
            assertThat(o.requestTimeout()).as("derived from its own send timeout").isEqualTo(Duration.ofSeconds(5).dividedBy(3));
            assertThat(a.clientId()).startsWith("audit@");
            assertThat(List.of(o.clientId(), a.clientId(), single.options().clientId())).doesNotHaveDuplicates();

            assertThat(named.template("orders").producer()).isSameAs(orders);
            assertThat(context.getBean("ordersProducerTemplate")).isSameAs(named.template("orders"));
            assertThat(context.getBean("auditProducerTemplate")).isSameAs(named.template("audit"));
            // By type, the default template and, for ProducerOperations, the routing one.
            assertThat(context.getBean(ProducerTemplate.class).producer()).isSameAs(single);
            assertThat(context.getBean(ProducerOperations.class)).isInstanceOf(RoutingProducerTemplate.class);
        });
    }

    @Test
    void routesByTopicPatternInDeclarationOrderElseToTheDefaultTemplate() {
        runner.withPropertyValues(NAME_SERVER).withPropertyValues(TWO_NAMED).run(context -> {
            NamedProducers named = context.getBean(NamedProducers.class);
            RoutingProducerTemplate routing = context.getBean(RoutingProducerTemplate.class);
            assertThat(routing.operationsFor("orders.created:tagA")).isSameAs(named.template("orders"));
            assertThat(routing.operationsFor("refund-42")).isSameAs(named.template("orders"));
            assertThat(routing.operationsFor("refund-x")).isSameAs(context.getBean("producerTemplate"));
            assertThat(routing.operationsFor("audit-log")).isSameAs(named.template("audit"));
            assertThat(routing.operationsFor("ordersX")).isSameAs(context.getBean("producerTemplate"));
        });
    }

    @Test
    void withoutDefaultProducerAnUnmatchedTopicFailsNamingTopicAndPatterns() {
        runner.withPropertyValues("mq.producer.producers.orders.name-server=10.0.0.1:9876",
                "mq.producer.producers.orders.topics=orders.*").run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(Producer.class)
                            .doesNotHaveBean("producerTemplate");
                    RoutingProducerTemplate routing = context.getBean(RoutingProducerTemplate.class);
                    assertThat(context.getBean(ProducerOperations.class)).isSameAs(routing);
                    assertThatThrownBy(() -> routing.send("payments", "x"))
                            .isInstanceOf(InvalidMessageException.class)
                            .hasMessageContaining("payments").hasMessageContaining("orders.*");
                    CompletableFuture<?> future = routing.sendAsync("payments:tag", "x");
                    assertThat(future).isCompletedExceptionally();
                });
    }

    @Test
    void aNamedProducerWithoutAnyNameServerFailsStartUpNamingItsProperty() {
        runner.withPropertyValues("mq.producer.producers.audit.topics=audit*").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(MqProducerPropertyException.class)
                    .hasMessageContaining("mq.producer.producers.audit.name-server");
        });
    }

    @Test
    void anInvalidNamedOverrideIsAttributedToTheNamedProperty() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.producers.audit.retries=-1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("invalid value '-1' for mq.producer.producers.audit.retries");
        });
    }

    @Test
    void aNamedProducerTakesEverySettingOfTheDefaultOneIncludingTlsAndItsOwnUnknownBundleIsNamed() {
        String bundle = "spring.ssl.bundle.pem.mq.truststore.certificate=classpath:tls/server.crt";
        ApplicationContextRunner withSsl = runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class));
        withSsl.withPropertyValues(NAME_SERVER, bundle, "mq.producer.compression.level=7",
                "mq.producer.producers.secure.ssl.bundle=mq", "mq.producer.producers.secure.batch-max-messages=16",
                "mq.producer.producers.secure.io-threads=1").run(context -> {
                    assertThat(context).hasNotFailed();
                    ProducerOptions secure = context.getBean(NamedProducers.class).producer("secure").options();
                    assertThat(secure.tlsContext()).isNotNull();
                    assertThat(secure.batchMaxMessages()).isEqualTo(16);
                    assertThat(secure.ioThreads()).isEqualTo(1);
                    assertThat(secure.compressionLevel()).as("inherited").isEqualTo(7);
                    assertThat(context.getBean(Producer.class).options().tlsContext()).as("the default producer's")
                            .isNull();
                });
        withSsl.withPropertyValues(NAME_SERVER, bundle, "mq.producer.producers.secure.ssl.bundle=missing")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("invalid value 'missing' for mq.producer.producers.secure.ssl.bundle"));
    }

    @Test
    void anEmptyMapKeepsTheSingleProducerBeansOnly() {
        runner.withPropertyValues(NAME_SERVER).run(context -> {
            assertThat(context).hasSingleBean(Producer.class).hasSingleBean(ProducerTemplate.class)
                    .doesNotHaveBean(NamedProducers.class).doesNotHaveBean(RoutingProducerTemplate.class);
            assertThat(context.getBean(ProducerOperations.class)).isSameAs(context.getBean(ProducerTemplate.class));
        });
        runner.run(context -> assertThat(context).hasFailed());
    }

    @Test
    void closingTheContextClosesEveryProducer() {
        AtomicReference<List<Producer>> producers = new AtomicReference<>();
        runner.withPropertyValues(NAME_SERVER).withPropertyValues(TWO_NAMED).run(context -> {
            NamedProducers named = context.getBean(NamedProducers.class);
            producers.set(List.of(named.producer("orders"), named.producer("audit"),
                    context.getBean(Producer.class)));
            assertThat(producers.get()).allMatch(Producer::isRunning);
        });
        assertThat(producers.get()).noneMatch(Producer::isRunning);
    }

    @Test
    void namedProducersShareOneSetOfThreadsClosedAfterThem() {
        AtomicReference<ProducerResources> shared = new AtomicReference<>();
        AtomicReference<List<Producer>> producers = new AtomicReference<>();
        runner.withPropertyValues(NAME_SERVER).withPropertyValues(TWO_NAMED).run(context -> {
            assertThat(context).hasSingleBean(ProducerResources.class);
            ProducerResources resources = context.getBean(ProducerResources.class);
            NamedProducers named = context.getBean(NamedProducers.class);
            assertThat(named.producer("orders").options().resources()).isSameAs(resources);
            assertThat(named.producer("audit").options().resources()).isSameAs(resources);
            assertThat(context.getBean(Producer.class).options().resources()).as("the default producer: its own")
                    .isNull();
            shared.set(resources);
            producers.set(List.of(named.producer("orders"), named.producer("audit")));
        });
        assertThat(shared.get().isClosed()).isTrue();
        assertThat(producers.get()).noneMatch(Producer::isRunning);
    }

    @Test
    void anApplicationResourcesBeanReplacesTheSharedOneAndACustomizerCanOptOut() {
        ProducerResources own = ProducerResources.create(1, 1);
        try {
            runner.withPropertyValues(NAME_SERVER).withPropertyValues(TWO_NAMED)
                    .withBean(ProducerResources.class, () -> own)
                    .withBean(ProducerOptionsCustomizer.class, () -> builder -> builder.resources(null))
                    .run(context -> {
                        assertThat(context.getBean(ProducerResources.class)).isSameAs(own);
                        assertThat(context.getBean(NamedProducers.class).producer("orders").options().resources())
                                .as("the customizer has the last word").isNull();
                    });
        } finally {
            own.close();
        }
    }
}
