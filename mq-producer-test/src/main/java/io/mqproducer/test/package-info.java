/**
 * Test support for code that talks to Apache RocketMQ: a real name server and broker started inside the test JVM
 * ({@link io.mqproducer.test.EmbeddedRocketMQ}), a JUnit 5 extension that gives one broker to each test class
 * ({@link io.mqproducer.test.EmbeddedRocketMQTest}) and a consumer built on the official client that reads messages
 * back ({@link io.mqproducer.test.ReadBackConsumer}).
 */
package io.mqproducer.test;
