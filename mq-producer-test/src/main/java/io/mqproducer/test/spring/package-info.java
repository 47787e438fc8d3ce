/**
 * Spring TestContext support: {@link io.mqproducer.test.spring.EmbeddedRocketMQBroker} gives a Spring test context a
 * shared embedded RocketMQ and points the mq-producer starter at it. Needs {@code spring-test} on the test class path
 * (an optional dependency of this module).
 */
package io.mqproducer.test.spring;
