package io.mqproducer.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the producer connects: the RocketMQ name server address(es). The auto-configuration defines one from
 * {@code mq.producer.name-server} unless the application (or a test, such as one with an embedded broker or a
 * Testcontainers-style container) defines its own bean of this type, which then wins over the property.
 */
public interface MqProducerConnectionDetails extends ConnectionDetails {

    /**
     * The name server address(es): {@code host:port}, several separated by {@code ';'}. A blank value fails start-up
     * with a message naming {@code mq.producer.name-server}.
     *
     * @return the address list
     */
    String nameServer();
}
