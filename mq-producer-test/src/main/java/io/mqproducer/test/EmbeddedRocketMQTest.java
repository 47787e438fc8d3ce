package io.mqproducer.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link EmbeddedRocketMQ} for the annotated test class and closes it after the class's last test.
 *
 * <p>Declare a parameter of type {@link EmbeddedRocketMQ} on a test method, a lifecycle method or the constructor to
 * get it. {@code @Nested} classes share the broker of their enclosing class.
 *
 * <pre>{@code
 * @EmbeddedRocketMQTest
 * class SendIT {
 *     @Test
 *     void sends(EmbeddedRocketMQ rocketMQ) {
 *         producer.setNamesrvAddr(rocketMQ.nameServerAddress());
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedRocketMQExtension.class)
public @interface EmbeddedRocketMQTest {

    /** Whether the broker creates topics on their first send (RocketMQ's autoCreateTopicEnable). */
    boolean autoCreateTopics() default true;
}
