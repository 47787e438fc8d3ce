package io.mqproducer.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test context (such as a {@code @SpringBootTest}) an embedded RocketMQ name server and broker.
 *
 * <p>The test context gets the property {@value #NAME_SERVER_PROPERTY} set to the broker's name server address (ahead
 * of every other property source, so it wins over {@code application.yml}), which the mq-producer starter connects
 * to, and the running {@link io.mqproducer.test.EmbeddedRocketMQ} as a bean named {@value #BEAN_NAME}, for
 * {@code @Autowired}.
 *
 * <p>One broker is started per distinct set of attributes and JVM, shared by every test context that asks for the same
 * attributes (so cached contexts and the broker are reused across test classes), and closed when the JVM exits.
 * Because the broker is shared, tests should use their own topics.
 *
 * <pre>{@code
 * @SpringBootTest
 * @EmbeddedRocketMQBroker
 * class OrderServiceIT {
 *     @Autowired EmbeddedRocketMQ rocketMQ;
 *     @Autowired ProducerTemplate template;
 * }
 * }</pre>
 *
 * <p>Named {@code EmbeddedRocketMQBroker} because {@code EmbeddedRocketMQ} is the broker class itself. For plain JUnit
 * tests without Spring, {@link io.mqproducer.test.EmbeddedRocketMQTest} gives each test class its own broker instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedRocketMQBroker {

    /** The property set to the embedded name server's address. */
    String NAME_SERVER_PROPERTY = "mq.producer.name-server";

    /** The name of the {@link io.mqproducer.test.EmbeddedRocketMQ} bean. */
    String BEAN_NAME = "embeddedRocketMQ";

    /** Whether the broker creates topics on their first send (RocketMQ's autoCreateTopicEnable). */
    boolean autoCreateTopics() default true;
}
